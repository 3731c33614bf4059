/** logstash-patterns-core 4.3.1, ecs-v1 set: haproxy. */
export const patterns: Record<string, string> = {
  HAPROXYTIME: '(?!<[0-9])%{HOUR}:%{MINUTE}(?::%{SECOND})(?![0-9])',
  HAPROXYDATE: '%{MONTHDAY}/%{MONTH}/%{YEAR}:%{HAPROXYTIME}.%{INT}',
  HAPROXYCAPTUREDREQUESTHEADERS: '%{DATA:[haproxy][http][request][captured_headers]}',
  HAPROXYCAPTUREDRESPONSEHEADERS: '%{DATA:[haproxy][http][response][captured_headers]}',
  HAPROXYURI:
    '(?:%{URIPROTO:[url][scheme]}://)?(?:%{USER:[url][username]}(?::[^@]*)?@)?(?:' +
    '%{IPORHOST:[url][domain]}(?::%{POSINT:[url][port]:int})?)?(?:%{URIPATH:[url][path]}(?:\\?' +
    '%{URIQUERY:[url][query]})?)?',
  HAPROXYHTTPREQUESTLINE:
    '(?:<BADREQ>|(?:%{WORD:[http][request][method]} %{HAPROXYURI:[url][original]}(?: HTTP/' +
    '%{NUMBER:[http][version]})?))',
  HAPROXYHTTPBASE:
    '%{IP:[source][address]}:%{INT:[source][port]:int} \\[' +
    '%{HAPROXYDATE:[haproxy][request_date]}\\] %{NOTSPACE:[haproxy][frontend_name]} ' +
    '%{NOTSPACE:[haproxy][backend_name]}/(?:<NOSRV>|%{NOTSPACE:[haproxy][server_name]}) (?:-1|' +
    '%{INT:[haproxy][http][request][time_wait_ms]:int})/(?:-1|' +
    '%{INT:[haproxy][total_waiting_time_ms]:int})/(?:-1|' +
    '%{INT:[haproxy][connection_wait_time_ms]:int})/(?:-1|' +
    '%{INT:[haproxy][http][request][time_wait_without_data_ms]:int})/' +
    '%{NOTSPACE:[haproxy][total_time_ms]} %{INT:[http][response][status_code]:int} ' +
    '%{INT:[source][bytes]:int} (?:-|%{DATA:[haproxy][http][request][captured_cookie]}) (?:-|' +
    '%{DATA:[haproxy][http][response][captured_cookie]}) ' +
    '%{NOTSPACE:[haproxy][termination_state]} %{INT:[haproxy][connections][active]:int}/' +
    '%{INT:[haproxy][connections][frontend]:int}/%{INT:[haproxy][connections][backend]:int}/' +
    '%{INT:[haproxy][connections][server]:int}/%{INT:[haproxy][connections][retries]:int} ' +
    '%{INT:[haproxy][server_queue]:int}/%{INT:[haproxy][backend_queue]:int}(?: \\{' +
    '%{HAPROXYCAPTUREDREQUESTHEADERS}\\}(?: \\{%{HAPROXYCAPTUREDRESPONSEHEADERS}\\})?)?(?: "' +
    '%{HAPROXYHTTPREQUESTLINE}"?)?',
  HAPROXYHTTP:
    '(?:%{SYSLOGTIMESTAMP:timestamp}|%{TIMESTAMP_ISO8601:timestamp}) ' +
    '%{IPORHOST:[host][hostname]} %{SYSLOGPROG}: %{HAPROXYHTTPBASE}',
  HAPROXYTCP:
    '(?:%{SYSLOGTIMESTAMP:timestamp}|%{TIMESTAMP_ISO8601:timestamp}) ' +
    '%{IPORHOST:[host][hostname]} %{SYSLOGPROG}: %{IP:[source][address]}:' +
    '%{INT:[source][port]:int} \\[%{HAPROXYDATE:[haproxy][request_date]}\\] ' +
    '%{NOTSPACE:[haproxy][frontend_name]} %{NOTSPACE:[haproxy][backend_name]}/(?:<NOSRV>|' +
    '%{NOTSPACE:[haproxy][server_name]}) (?:-1|%{INT:[haproxy][total_waiting_time_ms]:int})/' +
    '(?:-1|%{INT:[haproxy][connection_wait_time_ms]:int})/%{NOTSPACE:[haproxy][total_time_ms]} ' +
    '%{INT:[source][bytes]:int} %{NOTSPACE:[haproxy][termination_state]} ' +
    '%{INT:[haproxy][connections][active]:int}/%{INT:[haproxy][connections][frontend]:int}/' +
    '%{INT:[haproxy][connections][backend]:int}/%{INT:[haproxy][connections][server]:int}/' +
    '%{INT:[haproxy][connections][retries]:int} %{INT:[haproxy][server_queue]:int}/' +
    '%{INT:[haproxy][backend_queue]:int}',
};
