/** logstash-patterns-core 4.3.1, ecs-v1 set: zeek. */
export const patterns: Record<string, string> = {
  ZEEK_BOOL: '[TF]',
  ZEEK_DATA: '[^\\t]+',
  ZEEK_HTTP:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][session_id]}\\t%{IP:[source][ip]}\\t' +
    '%{INT:[source][port]:int}\\t%{IP:[destination][ip]}\\t%{INT:[destination][port]:int}\\t' +
    '%{INT:[zeek][http][trans_depth]:int}\\t(?:-|%{WORD:[http][request][method]})\\t(?:-|' +
    '%{ZEEK_DATA:[url][domain]})\\t(?:-|%{ZEEK_DATA:[url][original]})\\t(?:-|' +
    '%{ZEEK_DATA:[http][request][referrer]})\\t(?:-|%{NUMBER:[http][version]})\\t(?:-|' +
    '%{ZEEK_DATA:[user_agent][original]})\\t(?:-|%{ZEEK_DATA:[zeek][http][origin]})\\t(?:-|' +
    '%{NUMBER:[http][request][body][bytes]:int})\\t(?:-|' +
    '%{NUMBER:[http][response][body][bytes]:int})\\t(?:-|' +
    '%{POSINT:[http][response][status_code]:int})\\t(?:-|%{DATA:[zeek][http][status_msg]})\\t' +
    '(?:-|%{POSINT:[zeek][http][info_code]:int})\\t(?:-|%{DATA:[zeek][http][info_msg]})\\t(?:\\(' +
    'empty\\)|%{ZEEK_DATA:[zeek][http][tags]})\\t(?:-|%{ZEEK_DATA:[url][username]})\\t(?:-|' +
    '%{ZEEK_DATA:[url][password]})\\t(?:-|%{ZEEK_DATA:[zeek][http][proxied]})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][http][orig_fuids]})\\t(?:-|%{ZEEK_DATA:[zeek][http][orig_filenames]})\\t' +
    '(?:-|%{ZEEK_DATA:[http][request][mime_type]})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][http][resp_fuids]})\\t(?:-|%{ZEEK_DATA:[zeek][http][resp_filenames]})\\t' +
    '(?:-|%{ZEEK_DATA:[http][response][mime_type]})',
  ZEEK_DNS:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][session_id]}\\t%{IP:[source][ip]}\\t' +
    '%{INT:[source][port]:int}\\t%{IP:[destination][ip]}\\t%{INT:[destination][port]:int}\\t' +
    '%{WORD:[network][transport]}\\t(?:-|%{INT:[dns][id]:int})\\t(?:-|' +
    '%{NUMBER:[zeek][dns][rtt]:float})\\t(?:-|%{ZEEK_DATA:[dns][question][name]})\\t(?:-|' +
    '%{INT:[zeek][dns][qclass]:int})\\t(?:-|%{ZEEK_DATA:[zeek][dns][qclass_name]})\\t(?:-|' +
    '%{INT:[zeek][dns][qtype]:int})\\t(?:-|%{ZEEK_DATA:[dns][question][type]})\\t(?:-|' +
    '%{INT:[zeek][dns][rcode]:int})\\t(?:-|%{ZEEK_DATA:[dns][response_code]})\\t' +
    '%{ZEEK_BOOL:[zeek][dns][AA]}\\t%{ZEEK_BOOL:[zeek][dns][TC]}\\t%{ZEEK_BOOL:[zeek][dns][RD]}\\t' +
    '%{ZEEK_BOOL:[zeek][dns][RA]}\\t%{NONNEGINT:[zeek][dns][Z]:int}\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][dns][answers]})\\t(?:-|%{DATA:[zeek][dns][TTLs]})\\t(?:-|' +
    '%{ZEEK_BOOL:[zeek][dns][rejected]})',
  ZEEK_CONN:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][session_id]}\\t%{IP:[source][ip]}\\t' +
    '%{INT:[source][port]:int}\\t%{IP:[destination][ip]}\\t%{INT:[destination][port]:int}\\t' +
    '%{WORD:[network][transport]}\\t(?:-|%{ZEEK_DATA:[network][protocol]})\\t(?:-|' +
    '%{NUMBER:[zeek][connection][duration]:float})\\t(?:-|' +
    '%{INT:[zeek][connection][orig_bytes]:int})\\t(?:-|' +
    '%{INT:[zeek][connection][resp_bytes]:int})\\t(?:-|%{ZEEK_DATA:[zeek][connection][state]})\\t' +
    '(?:-|%{ZEEK_BOOL:[zeek][connection][local_orig]})\\t(?:-|' +
    '%{ZEEK_BOOL:[zeek][connection][local_resp]})\\t(?:-|' +
    '%{INT:[zeek][connection][missed_bytes]:int})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][connection][history]})\\t(?:-|%{INT:[source][packets]:int})\\t(?:-|' +
    '%{INT:[source][bytes]:int})\\t(?:-|%{INT:[destination][packets]:int})\\t(?:-|' +
    '%{INT:[destination][bytes]:int})\\t(?:-|%{ZEEK_DATA:[zeek][connection][tunnel_parents]})' +
    '(?:\\t(?:-|%{COMMONMAC:[source][mac]})\\t(?:-|%{COMMONMAC:[destination][mac]}))?',
  ZEEK_FILES_TX_HOSTS: '(?:-|%{IP:[server][ip]})|(?<[zeek][files][tx_hosts]>%{IP:[server][ip]}(?:[\\s,]%{IP})+)',
  ZEEK_FILES_RX_HOSTS: '(?:-|%{IP:[client][ip]})|(?<[zeek][files][rx_hosts]>%{IP:[client][ip]}(?:[\\s,]%{IP})+)',
  ZEEK_FILES:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][files][fuid]}\\t%{ZEEK_FILES_TX_HOSTS}\\t' +
    '%{ZEEK_FILES_RX_HOSTS}\\t(?:-|%{ZEEK_DATA:[zeek][files][session_ids]})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][files][source]})\\t(?:-|%{INT:[zeek][files][depth]:int})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][files][analyzers]})\\t(?:-|%{ZEEK_DATA:[file][mime_type]})\\t(?:-|' +
    '%{ZEEK_DATA:[file][name]})\\t(?:-|%{NUMBER:[zeek][files][duration]:float})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][files][local_orig]})\\t(?:-|%{ZEEK_BOOL:[zeek][files][is_orig]})\\t(?:-|' +
    '%{INT:[zeek][files][seen_bytes]:int})\\t(?:-|%{INT:[file][size]:int})\\t(?:-|' +
    '%{INT:[zeek][files][missing_bytes]:int})\\t(?:-|%{INT:[zeek][files][overflow_bytes]:int})\\t' +
    '(?:-|%{ZEEK_BOOL:[zeek][files][timedout]})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][files][parent_fuid]})\\t(?:-|%{ZEEK_DATA:[file][hash][md5]})\\t(?:-|' +
    '%{ZEEK_DATA:[file][hash][sha1]})\\t(?:-|%{ZEEK_DATA:[file][hash][sha256]})\\t(?:-|' +
    '%{ZEEK_DATA:[zeek][files][extracted]})(?:\\t(?:-|' +
    '%{ZEEK_BOOL:[zeek][files][extracted_cutoff]})\\t(?:-|' +
    '%{INT:[zeek][files][extracted_size]:int}))?',
};
