/** logstash-patterns-core 4.3.1, legacy set: aws. */
export const patterns: Record<string, string> = {
  S3_REQUEST_LINE: '(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion})?|%{DATA:rawrequest})',
  S3_ACCESS_LOG:
    '%{WORD:owner} %{NOTSPACE:bucket} \\[%{HTTPDATE:timestamp}\\] %{IP:clientip} ' +
    '%{NOTSPACE:requester} %{NOTSPACE:request_id} %{NOTSPACE:operation} %{NOTSPACE:key} (?:"' +
    '%{S3_REQUEST_LINE}"|-) (?:%{INT:response:int}|-) (?:-|%{NOTSPACE:error_code}) (?:' +
    '%{INT:bytes:int}|-) (?:%{INT:object_size:int}|-) (?:%{INT:request_time_ms:int}|-) (?:' +
    '%{INT:turnaround_time_ms:int}|-) (?:%{QS:referrer}|-) (?:"?%{QS:agent}"?|-) (?:-|' +
    '%{NOTSPACE:version_id})',
  ELB_URIPATHPARAM: '%{URIPATH:path}(?:%{URIPARAM:params})?',
  ELB_URI: '%{URIPROTO:proto}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST:urihost})?(?:%{ELB_URIPATHPARAM})?',
  ELB_REQUEST_LINE: '(?:%{WORD:verb} %{ELB_URI:request}(?: HTTP/%{NUMBER:httpversion})?|%{DATA:rawrequest})',
  ELB_ACCESS_LOG:
    '%{TIMESTAMP_ISO8601:timestamp} %{NOTSPACE:elb} %{IP:clientip}:%{INT:clientport:int} (?:(?:' +
    '%{IP:backendip}:?:%{INT:backendport:int})|-) %{NUMBER:request_processing_time:float} ' +
    '%{NUMBER:backend_processing_time:float} %{NUMBER:response_processing_time:float} ' +
    '%{INT:response:int} (?:-|%{INT:backend_response:int}) %{INT:received_bytes:int} ' +
    '%{INT:bytes:int} "%{ELB_REQUEST_LINE}"',
  CLOUDFRONT_ACCESS_LOG:
    '(?<timestamp>%{YEAR}-%{MONTHNUM}-%{MONTHDAY}\\t%{TIME})\\t%{WORD:x_edge_location}\\t(?:' +
    '%{NUMBER:sc_bytes:int}|-)\\t%{IPORHOST:clientip}\\t%{WORD:cs_method}\\t%{HOSTNAME:cs_host}\\t' +
    '%{NOTSPACE:cs_uri_stem}\\t%{NUMBER:sc_status:int}\\t%{GREEDYDATA:referrer}\\t' +
    '%{GREEDYDATA:agent}\\t%{GREEDYDATA:cs_uri_query}\\t%{GREEDYDATA:cookies}\\t' +
    '%{WORD:x_edge_result_type}\\t%{NOTSPACE:x_edge_request_id}\\t%{HOSTNAME:x_host_header}\\t' +
    '%{URIPROTO:cs_protocol}\\t%{INT:cs_bytes:int}\\t%{GREEDYDATA:time_taken:float}\\t' +
    '%{GREEDYDATA:x_forwarded_for}\\t%{GREEDYDATA:ssl_protocol}\\t%{GREEDYDATA:ssl_cipher}\\t' +
    '%{GREEDYDATA:x_edge_response_result_type}',
};
