/** logstash-patterns-core 4.3.1, legacy set: squid. */
export const patterns: Record<string, string> = {
  SQUID3:
    '%{NUMBER:timestamp}\\s+%{NUMBER:duration}\\s%{IP:client_address}\\s%{WORD:cache_result}/' +
    '%{NONNEGINT:status_code}\\s%{NUMBER:bytes}\\s%{WORD:request_method}\\s%{NOTSPACE:url}\\s(' +
    '%{NOTSPACE:user}|-)\\s%{WORD:hierarchy_code}/(%{IPORHOST:server}|-)\\s' +
    '%{NOTSPACE:content_type}',
};
