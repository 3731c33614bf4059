/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: exim. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/exim.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['EXIM_MSGID', 'EXIM_QT', 'EXIM_EXCLUDE_TERMS', 'EXIM_NAMED_FIELDS', 'EXIM']),
  EXIM_FLAGS: '(?:<=|=>|->|\\*>|\\*\\*|==|<>|>>)',
  EXIM_DATE: '(:?%{YEAR}-%{MONTHNUM}-%{MONTHDAY} %{TIME})',
  EXIM_PID: '\\[%{POSINT:[process][pid]:int}\\]',
  EXIM_REMOTE_HOST:
    '(H=(%{NOTSPACE:[source][address]} )?(\\(%{NOTSPACE:[exim][log][remote_address]}\\) )?\\[' +
    '%{IP:[source][ip]}\\](?::%{POSINT:[source][port]:int})?)',
  EXIM_INTERFACE: '(I=\\[%{IP:[destination][ip]}\\](?::%{NUMBER:[destination][port]:int}))',
  EXIM_PROTOCOL: '(P=%{NOTSPACE:[network][protocol]})',
  EXIM_MSG_SIZE: '(S=%{NUMBER:[exim][log][message][size]:int})',
  EXIM_HEADER_ID: '(id=%{NOTSPACE:[exim][log][header_id]})',
  EXIM_QUOTED_CONTENT: '(?:\\\\.|[^\\\\"])*',
  EXIM_SUBJECT: '(T="%{EXIM_QUOTED_CONTENT:[exim][log][message][subject]}")',
  EXIM_UNKNOWN_FIELD: '(?:[A-Za-z0-9]{1,4}=(?:%{QUOTEDSTRING}|%{NOTSPACE}))',
  EXIM_MESSAGE_ARRIVAL:
    '%{EXIM_DATE:timestamp} (?:%{EXIM_PID} )?%{EXIM_MSGID:[exim][log][message][id]} ' +
    '(?<[exim][log][flags]><=) (?<[exim][log][status]>[a-z:] )?' +
    '%{EMAILADDRESS:[exim][log][sender][email]}%{EXIM_NAMED_FIELDS}(?:(?: from <?' +
    '%{DATA:[exim][log][sender][original]}>?)? for ' +
    '%{EMAILADDRESS:[exim][log][recipient][email]})?',
};
