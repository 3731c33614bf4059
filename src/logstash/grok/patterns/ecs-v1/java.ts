/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: java. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/java.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['JAVACLASS', 'JAVAFILE', 'JAVAMETHOD', 'JAVATHREAD']),
  JAVASTACKTRACEPART:
    '%{SPACE}at %{JAVACLASS:[java][log][origin][class][name]}\\.' +
    '%{JAVAMETHOD:[log][origin][function]}\\(%{JAVAFILE:[log][origin][file][name]}(?::' +
    '%{INT:[log][origin][file][line]:int})?\\)',
  JAVALOGMESSAGE: '(?:.*)',
  CATALINA7_DATESTAMP: '%{MONTH} %{MONTHDAY}, %{YEAR} %{HOUR}:%{MINUTE}:%{SECOND} (?:AM|PM)',
  CATALINA7_LOG:
    '%{CATALINA7_DATESTAMP:timestamp} %{JAVACLASS:[java][log][origin][class][name]}(?: ' +
    '%{JAVAMETHOD:[log][origin][function]})?\\s*(?:%{LOGLEVEL:[log][level]}:)? ' +
    '%{JAVALOGMESSAGE:message}',
  CATALINA8_DATESTAMP: '%{MONTHDAY}-%{MONTH}-%{YEAR} %{HOUR}:%{MINUTE}:%{SECOND}',
  CATALINA8_LOG:
    '%{CATALINA8_DATESTAMP:timestamp} %{LOGLEVEL:[log][level]} \\[' +
    '%{DATA:[java][log][origin][thread][name]}\\] ' +
    '%{JAVACLASS:[java][log][origin][class][name]}\\.(?:%{JAVAMETHOD:[log][origin][function]})? ' +
    '%{JAVALOGMESSAGE:message}',
  CATALINA_DATESTAMP: '(?:%{CATALINA8_DATESTAMP})|(?:%{CATALINA7_DATESTAMP})',
  CATALINALOG: '(?:%{CATALINA8_LOG})|(?:%{CATALINA7_LOG})',
  TOMCAT7_LOG: '%{CATALINA7_LOG}',
  TOMCAT8_LOG: '%{CATALINA8_LOG}',
  TOMCATLEGACY_DATESTAMP: '%{YEAR}-%{MONTHNUM}-%{MONTHDAY} %{HOUR}:%{MINUTE}:%{SECOND}(?: %{ISO8601_TIMEZONE})?',
  TOMCATLEGACY_LOG:
    '%{TOMCATLEGACY_DATESTAMP:timestamp} \\| %{LOGLEVEL:[log][level]} \\| ' +
    '%{JAVACLASS:[java][log][origin][class][name]} - %{JAVALOGMESSAGE:message}',
  TOMCAT_DATESTAMP: '(?:%{CATALINA8_DATESTAMP})|(?:%{CATALINA7_DATESTAMP})|(?:%{TOMCATLEGACY_DATESTAMP})',
  TOMCATLOG: '(?:%{TOMCAT8_LOG})|(?:%{TOMCAT7_LOG})|(?:%{TOMCATLEGACY_LOG})',
};
