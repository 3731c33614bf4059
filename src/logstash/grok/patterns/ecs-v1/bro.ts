/** logstash-patterns-core 4.3.1, ecs-v1 set: bro. */
export const patterns: Record<string, string> = {
  BRO_BOOL: '[TF]',
  BRO_DATA: '[^\\t]+',
  BRO_HTTP:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][session_id]}\\t%{IP:[source][ip]}\\t%{INT:[source][po' +
    'rt]:int}\\t%{IP:[destination][ip]}\\t%{INT:[destination][port]:int}\\t%{INT:[zeek][http][tran' +
    's_depth]:int}\\t(?:-|%{WORD:[http][request][method]})\\t(?:-|%{BRO_DATA:[url][domain]})\\t(?:' +
    '-|%{BRO_DATA:[url][original]})\\t(?:-|%{BRO_DATA:[http][request][referrer]})\\t(?:-|%{BRO_DA' +
    'TA:[user_agent][original]})\\t(?:-|%{NUMBER:[http][request][body][bytes]:int})\\t(?:-|%{NUMB' +
    'ER:[http][response][body][bytes]:int})\\t(?:-|%{POSINT:[http][response][status_code]:int})\\t' +
    '(?:-|%{DATA:[zeek][http][status_msg]})\\t(?:-|%{POSINT:[zeek][http][info_code]:int})\\t(?:-|' +
    '%{DATA:[zeek][http][info_msg]})\\t(?:-|%{BRO_DATA:[zeek][http][filename]})\\t(?:\\(empty\\)|%{' +
    'BRO_DATA:[zeek][http][tags]})\\t(?:-|%{BRO_DATA:[url][username]})\\t(?:-|%{BRO_DATA:[url][pa' +
    'ssword]})\\t(?:-|%{BRO_DATA:[zeek][http][proxied]})\\t(?:-|%{BRO_DATA:[zeek][http][orig_fuid' +
    's]})\\t(?:-|%{BRO_DATA:[http][request][mime_type]})\\t(?:-|%{BRO_DATA:[zeek][http][resp_fuid' +
    's]})\\t(?:-|%{BRO_DATA:[http][response][mime_type]})',
  BRO_DNS:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][session_id]}\\t%{IP:[source][ip]}\\t%{INT:[source][po' +
    'rt]:int}\\t%{IP:[destination][ip]}\\t%{INT:[destination][port]:int}\\t%{WORD:[network][transp' +
    'ort]}\\t(?:-|%{INT:[dns][id]:int})\\t(?:-|%{BRO_DATA:[dns][question][name]})\\t(?:-|%{INT:[ze' +
    'ek][dns][qclass]:int})\\t(?:-|%{BRO_DATA:[zeek][dns][qclass_name]})\\t(?:-|%{INT:[zeek][dns]' +
    '[qtype]:int})\\t(?:-|%{BRO_DATA:[dns][question][type]})\\t(?:-|%{INT:[zeek][dns][rcode]:int}' +
    ')\\t(?:-|%{BRO_DATA:[dns][response_code]})\\t(?:-|%{BRO_BOOL:[zeek][dns][AA]})\\t(?:-|%{BRO_B' +
    'OOL:[zeek][dns][TC]})\\t(?:-|%{BRO_BOOL:[zeek][dns][RD]})\\t(?:-|%{BRO_BOOL:[zeek][dns][RA]}' +
    ')\\t(?:-|%{NONNEGINT:[zeek][dns][Z]:int})\\t(?:-|%{BRO_DATA:[zeek][dns][answers]})\\t(?:-|%{D' +
    'ATA:[zeek][dns][TTLs]})\\t(?:-|%{BRO_BOOL:[zeek][dns][rejected]})',
  BRO_CONN:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][session_id]}\\t%{IP:[source][ip]}\\t%{INT:[source][po' +
    'rt]:int}\\t%{IP:[destination][ip]}\\t%{INT:[destination][port]:int}\\t%{WORD:[network][transp' +
    'ort]}\\t(?:-|%{BRO_DATA:[network][protocol]})\\t(?:-|%{NUMBER:[zeek][connection][duration]:f' +
    'loat})\\t(?:-|%{INT:[zeek][connection][orig_bytes]:int})\\t(?:-|%{INT:[zeek][connection][res' +
    'p_bytes]:int})\\t(?:-|%{BRO_DATA:[zeek][connection][state]})\\t(?:-|%{BRO_BOOL:[zeek][connec' +
    'tion][local_orig]})\\t(?:(?:-|%{BRO_BOOL:[zeek][connection][local_resp]})\\t)?(?:-|%{INT:[ze' +
    'ek][connection][missed_bytes]:int})\\t(?:-|%{BRO_DATA:[zeek][connection][history]})\\t(?:-|%' +
    '{INT:[source][packets]:int})\\t(?:-|%{INT:[source][bytes]:int})\\t(?:-|%{INT:[destination][p' +
    'ackets]:int})\\t(?:-|%{INT:[destination][bytes]:int})\\t(?:\\(empty\\)|%{BRO_DATA:[zeek][conne' +
    'ction][tunnel_parents]})',
  BRO_FILES:
    '%{NUMBER:timestamp}\\t%{NOTSPACE:[zeek][files][fuid]}\\t(?:-|%{IP:[server][ip]})\\t(?:-|%{IP:' +
    '[client][ip]})\\t(?:-|%{BRO_DATA:[zeek][files][session_ids]})\\t(?:-|%{BRO_DATA:[zeek][files' +
    '][source]})\\t(?:-|%{INT:[zeek][files][depth]:int})\\t(?:-|%{BRO_DATA:[zeek][files][analyzer' +
    's]})\\t(?:-|%{BRO_DATA:[file][mime_type]})\\t(?:-|%{BRO_DATA:[file][name]})\\t(?:-|%{NUMBER:[' +
    'zeek][files][duration]:float})\\t(?:-|%{BRO_DATA:[zeek][files][local_orig]})\\t(?:-|%{BRO_BO' +
    'OL:[zeek][files][is_orig]})\\t(?:-|%{INT:[zeek][files][seen_bytes]:int})\\t(?:-|%{INT:[file]' +
    '[size]:int})\\t(?:-|%{INT:[zeek][files][missing_bytes]:int})\\t(?:-|%{INT:[zeek][files][over' +
    'flow_bytes]:int})\\t(?:-|%{BRO_BOOL:[zeek][files][timedout]})\\t(?:-|%{BRO_DATA:[zeek][files' +
    '][parent_fuid]})\\t(?:-|%{BRO_DATA:[file][hash][md5]})\\t(?:-|%{BRO_DATA:[file][hash][sha1]}' +
    ')\\t(?:-|%{BRO_DATA:[file][hash][sha256]})\\t(?:-|%{BRO_DATA:[zeek][files][extracted]})',
};
