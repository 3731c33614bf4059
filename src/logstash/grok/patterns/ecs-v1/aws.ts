/** logstash-patterns-core 4.3.1, ecs-v1 set: aws. */
export const patterns: Record<string, string> = {
  S3_REQUEST_LINE:
    '(?:%{WORD:[http][request][method]} %{NOTSPACE:[url][original]}(?: HTTP/%{NUMBER:[http][ver' + 'sion]})?)',
  S3_ACCESS_LOG:
    '%{WORD:[aws][s3access][bucket_owner]} %{NOTSPACE:[aws][s3access][bucket]} \\[%{HTTPDATE:tim' +
    'estamp}\\] (?:-|%{IP:[client][ip]}) (?:-|%{NOTSPACE:[client][user][id]}) %{NOTSPACE:[aws][s' +
    '3access][request_id]} %{NOTSPACE:[aws][s3access][operation]} (?:-|%{NOTSPACE:[aws][s3acces' +
    's][key]}) (?:-|"%{S3_REQUEST_LINE:[aws][s3access][request_uri]}") (?:-|%{INT:[http][respon' +
    'se][status_code]:int}) (?:-|%{NOTSPACE:[aws][s3access][error_code]}) (?:-|%{INT:[aws][s3ac' +
    'cess][bytes_sent]:int}) (?:-|%{INT:[aws][s3access][object_size]:int}) (?:-|%{INT:[aws][s3a' +
    'ccess][total_time]:int}) (?:-|%{INT:[aws][s3access][turn_around_time]:int}) "(?:-|%{DATA:[' +
    'http][request][referrer]})" "(?:-|%{DATA:[user_agent][original]})" (?:-|%{NOTSPACE:[aws][s' +
    '3access][version_id]})(?: (?:-|%{NOTSPACE:[aws][s3access][host_id]}) (?:-|%{NOTSPACE:[aws]' +
    '[s3access][signature_version]}) (?:-|%{NOTSPACE:[tls][cipher]}) (?:-|%{NOTSPACE:[aws][s3ac' +
    'cess][authentication_type]}) (?:-|%{NOTSPACE:[aws][s3access][host_header]}) (?:-|%{NOTSPAC' +
    'E:[aws][s3access][tls_version]}))?',
  ELB_URIHOST: '%{IPORHOST:[url][domain]}(?::%{POSINT:[url][port]:int})?',
  ELB_URIPATHQUERY: '%{URIPATH:[url][path]}(?:\\?%{URIQUERY:[url][query]})?',
  ELB_URIPATHPARAM: '%{ELB_URIPATHQUERY}',
  ELB_URI:
    '%{URIPROTO:[url][scheme]}://(?:%{USER:[url][username]}(?::[^@]*)?@)?(?:%{ELB_URIHOST})?(?:' +
    '%{ELB_URIPATHQUERY})?',
  ELB_REQUEST_LINE:
    '(?:%{WORD:[http][request][method]} %{ELB_URI:[url][original]}(?: HTTP/%{NUMBER:[http][vers' + 'ion]})?)',
  ELB_V1_HTTP_LOG:
    '%{TIMESTAMP_ISO8601:timestamp} %{NOTSPACE:[aws][elb][name]} %{IP:[source][ip]}:%{INT:[sour' +
    'ce][port]:int} (?:-|(?:%{IP:[aws][elb][backend][ip]}:%{INT:[aws][elb][backend][port]:int})' +
    ') (?:-1|%{NUMBER:[aws][elb][request_processing_time][sec]:float}) (?:-1|%{NUMBER:[aws][elb' +
    '][backend_processing_time][sec]:float}) (?:-1|%{NUMBER:[aws][elb][response_processing_time' +
    '][sec]:float}) %{INT:[http][response][status_code]:int} (?:-|%{INT:[aws][elb][backend][htt' +
    'p][response][status_code]:int}) %{INT:[http][request][body][bytes]:int} %{INT:[http][respo' +
    'nse][body][bytes]:int} "%{ELB_REQUEST_LINE}"(?: "(?:-|%{DATA:[user_agent][original]})" (?:' +
    '-|%{NOTSPACE:[tls][cipher]}) (?:-|%{NOTSPACE:[aws][elb][ssl_protocol]}))?',
  ELB_ACCESS_LOG: '%{ELB_V1_HTTP_LOG}',
  CLOUDFRONT_ACCESS_LOG:
    '(?<timestamp>%{YEAR}-%{MONTHNUM}-%{MONTHDAY}\\t%{TIME})\\t%{WORD:[aws][cloudfront][x_edge_lo' +
    'cation]}\\t(?:-|%{INT:[destination][bytes]:int})\\t%{IPORHOST:[source][ip]}\\t%{WORD:[http][r' +
    'equest][method]}\\t%{HOSTNAME:[url][domain]}\\t%{NOTSPACE:[url][path]}\\t(?:(?:000)|%{INT:[ht' +
    'tp][response][status_code]:int})\\t(?:-|%{DATA:[http][request][referrer]})\\t%{DATA:[user_ag' +
    'ent][original]}\\t(?:-|%{DATA:[url][query]})\\t(?:-|%{DATA:[aws][cloudfront][http][request][' +
    'cookie]})\\t%{WORD:[aws][cloudfront][x_edge_result_type]}\\t%{NOTSPACE:[aws][cloudfront][x_e' +
    'dge_request_id]}\\t%{HOSTNAME:[aws][cloudfront][http][request][host]}\\t%{URIPROTO:[network]' +
    '[protocol]}\\t(?:-|%{INT:[source][bytes]:int})\\t%{NUMBER:[aws][cloudfront][time_taken]:floa' +
    't}\\t(?:-|%{IP:[network][forwarded_ip]})\\t(?:-|%{DATA:[aws][cloudfront][ssl_protocol]})\\t(?' +
    ':-|%{NOTSPACE:[tls][cipher]})\\t%{WORD:[aws][cloudfront][x_edge_response_result_type]}(?:\\t' +
    '(?:-|HTTP/%{NUMBER:[http][version]})\\t(?:-|%{DATA:[aws][cloudfront][fle_status]})\\t(?:-|%{' +
    'DATA:[aws][cloudfront][fle_encrypted_fields]})\\t%{INT:[source][port]:int}\\t%{NUMBER:[aws][' +
    'cloudfront][time_to_first_byte]:float}\\t(?:-|%{DATA:[aws][cloudfront][x_edge_detailed_resu' +
    'lt_type]})\\t(?:-|%{NOTSPACE:[http][request][mime_type]})\\t(?:-|%{INT:[aws][cloudfront][htt' +
    'p][request][size]:int})\\t(?:-|%{INT:[aws][cloudfront][http][request][range][start]:int})\\t' +
    '(?:-|%{INT:[aws][cloudfront][http][request][range][end]:int}))?',
};
