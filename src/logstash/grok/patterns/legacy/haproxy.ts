/** logstash-patterns-core 4.3.1, legacy set: haproxy. */
export const patterns: Record<string, string> = {
  HAPROXYTIME: '(?!<[0-9])%{HOUR:haproxy_hour}:%{MINUTE:haproxy_minute}(?::%{SECOND:haproxy_second})(?![0-9])',
  HAPROXYDATE:
    '%{MONTHDAY:haproxy_monthday}/%{MONTH:haproxy_month}/%{YEAR:haproxy_year}:' +
    '%{HAPROXYTIME:haproxy_time}.%{INT:haproxy_milliseconds}',
  HAPROXYCAPTUREDREQUESTHEADERS: '%{DATA:captured_request_headers}',
  HAPROXYCAPTUREDRESPONSEHEADERS: '%{DATA:captured_response_headers}',
  HAPROXYHTTPBASE:
    '%{IP:client_ip}:%{INT:client_port} \\[%{HAPROXYDATE:accept_date}\\] ' +
    '%{NOTSPACE:frontend_name} %{NOTSPACE:backend_name}/%{NOTSPACE:server_name} ' +
    '%{INT:time_request}/%{INT:time_queue}/%{INT:time_backend_connect}/' +
    '%{INT:time_backend_response}/%{NOTSPACE:time_duration} %{INT:http_status_code} ' +
    '%{NOTSPACE:bytes_read} %{DATA:captured_request_cookie} %{DATA:captured_response_cookie} ' +
    '%{NOTSPACE:termination_state} %{INT:actconn}/%{INT:feconn}/%{INT:beconn}/%{INT:srvconn}/' +
    '%{NOTSPACE:retries} %{INT:srv_queue}/%{INT:backend_queue} (\\{' +
    '%{HAPROXYCAPTUREDREQUESTHEADERS}\\})?( )?(\\{%{HAPROXYCAPTUREDRESPONSEHEADERS}\\})?( )?"' +
    '(<BADREQ>|(%{WORD:http_verb} (%{URIPROTO:http_proto}://)?(?:%{USER:http_user}' +
    '(?::[^@]*)?@)?(?:%{URIHOST:http_host})?(?:%{URIPATHPARAM:http_request})?( HTTP/' +
    '%{NUMBER:http_version})?))?"?',
  HAPROXYHTTP:
    '(?:%{SYSLOGTIMESTAMP:syslog_timestamp}|%{TIMESTAMP_ISO8601:timestamp8601}) ' +
    '%{IPORHOST:syslog_server} %{SYSLOGPROG}: %{HAPROXYHTTPBASE}',
  HAPROXYTCP:
    '(?:%{SYSLOGTIMESTAMP:syslog_timestamp}|%{TIMESTAMP_ISO8601:timestamp8601}) ' +
    '%{IPORHOST:syslog_server} %{SYSLOGPROG}: %{IP:client_ip}:%{INT:client_port} \\[' +
    '%{HAPROXYDATE:accept_date}\\] %{NOTSPACE:frontend_name} %{NOTSPACE:backend_name}/' +
    '%{NOTSPACE:server_name} %{INT:time_queue}/%{INT:time_backend_connect}/' +
    '%{NOTSPACE:time_duration} %{NOTSPACE:bytes_read} %{NOTSPACE:termination_state} ' +
    '%{INT:actconn}/%{INT:feconn}/%{INT:beconn}/%{INT:srvconn}/%{NOTSPACE:retries} ' +
    '%{INT:srv_queue}/%{INT:backend_queue}',
};
