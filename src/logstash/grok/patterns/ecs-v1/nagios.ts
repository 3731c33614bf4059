/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: nagios. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/nagios.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, [
    'NAGIOS_TYPE_CURRENT_SERVICE_STATE',
    'NAGIOS_TYPE_CURRENT_HOST_STATE',
    'NAGIOS_TYPE_SERVICE_NOTIFICATION',
    'NAGIOS_TYPE_HOST_NOTIFICATION',
    'NAGIOS_TYPE_SERVICE_ALERT',
    'NAGIOS_TYPE_HOST_ALERT',
    'NAGIOS_TYPE_SERVICE_FLAPPING_ALERT',
    'NAGIOS_TYPE_HOST_FLAPPING_ALERT',
    'NAGIOS_TYPE_SERVICE_DOWNTIME_ALERT',
    'NAGIOS_TYPE_HOST_DOWNTIME_ALERT',
    'NAGIOS_TYPE_PASSIVE_SERVICE_CHECK',
    'NAGIOS_TYPE_PASSIVE_HOST_CHECK',
    'NAGIOS_TYPE_SERVICE_EVENT_HANDLER',
    'NAGIOS_TYPE_HOST_EVENT_HANDLER',
    'NAGIOS_TYPE_EXTERNAL_COMMAND',
    'NAGIOS_TYPE_TIMEPERIOD_TRANSITION',
    'NAGIOS_EC_DISABLE_SVC_CHECK',
    'NAGIOS_EC_ENABLE_SVC_CHECK',
    'NAGIOS_EC_DISABLE_HOST_CHECK',
    'NAGIOS_EC_ENABLE_HOST_CHECK',
    'NAGIOS_EC_PROCESS_SERVICE_CHECK_RESULT',
    'NAGIOS_EC_PROCESS_HOST_CHECK_RESULT',
    'NAGIOS_EC_SCHEDULE_SERVICE_DOWNTIME',
    'NAGIOS_EC_SCHEDULE_HOST_DOWNTIME',
    'NAGIOS_EC_DISABLE_HOST_SVC_NOTIFICATIONS',
    'NAGIOS_EC_ENABLE_HOST_SVC_NOTIFICATIONS',
    'NAGIOS_EC_DISABLE_HOST_NOTIFICATIONS',
    'NAGIOS_EC_ENABLE_HOST_NOTIFICATIONS',
    'NAGIOS_EC_DISABLE_SVC_NOTIFICATIONS',
    'NAGIOS_EC_ENABLE_SVC_NOTIFICATIONS',
    'NAGIOSLOGLINE',
  ]),
  NAGIOSTIME: '\\[%{NUMBER:timestamp}\\]',
  NAGIOS_WARNING: 'Warning:%{SPACE}%{GREEDYDATA:message}',
  NAGIOS_CURRENT_SERVICE_STATE:
    '%{NAGIOS_TYPE_CURRENT_SERVICE_STATE:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{DATA:[nagios][log][state_type]};' +
    '%{INT:[nagios][log][attempt]:int};%{GREEDYDATA:message}',
  NAGIOS_CURRENT_HOST_STATE:
    '%{NAGIOS_TYPE_CURRENT_HOST_STATE:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{DATA:[nagios][log][state_type]};' +
    '%{INT:[nagios][log][attempt]:int};%{GREEDYDATA:message}',
  NAGIOS_SERVICE_NOTIFICATION:
    '%{NAGIOS_TYPE_SERVICE_NOTIFICATION:[nagios][log][type]}: %{DATA:[user][name]};' +
    '%{DATA:[host][hostname]};%{DATA:[service][name]};%{DATA:[service][state]};' +
    '%{DATA:[nagios][log][notification_command]};%{GREEDYDATA:message}',
  NAGIOS_HOST_NOTIFICATION:
    '%{NAGIOS_TYPE_HOST_NOTIFICATION:[nagios][log][type]}: %{DATA:[user][name]};' +
    '%{DATA:[host][hostname]};%{DATA:[service][state]};' +
    '%{DATA:[nagios][log][notification_command]};%{GREEDYDATA:message}',
  NAGIOS_SERVICE_ALERT:
    '%{NAGIOS_TYPE_SERVICE_ALERT:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{DATA:[nagios][log][state_type]};' +
    '%{INT:[nagios][log][attempt]:int};%{GREEDYDATA:message}',
  NAGIOS_HOST_ALERT:
    '%{NAGIOS_TYPE_HOST_ALERT:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{DATA:[nagios][log][state_type]};' +
    '%{INT:[nagios][log][attempt]:int};%{GREEDYDATA:message}',
  NAGIOS_SERVICE_FLAPPING_ALERT:
    '%{NAGIOS_TYPE_SERVICE_FLAPPING_ALERT:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{GREEDYDATA:message}',
  NAGIOS_HOST_FLAPPING_ALERT:
    '%{NAGIOS_TYPE_HOST_FLAPPING_ALERT:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{GREEDYDATA:message}',
  NAGIOS_SERVICE_DOWNTIME_ALERT:
    '%{NAGIOS_TYPE_SERVICE_DOWNTIME_ALERT:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{GREEDYDATA:[nagios][log][comment]}',
  NAGIOS_HOST_DOWNTIME_ALERT:
    '%{NAGIOS_TYPE_HOST_DOWNTIME_ALERT:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{GREEDYDATA:[nagios][log][comment]}',
  NAGIOS_PASSIVE_SERVICE_CHECK:
    '%{NAGIOS_TYPE_PASSIVE_SERVICE_CHECK:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{GREEDYDATA:[nagios][log][comment]}',
  NAGIOS_PASSIVE_HOST_CHECK:
    '%{NAGIOS_TYPE_PASSIVE_HOST_CHECK:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{GREEDYDATA:[nagios][log][comment]}',
  NAGIOS_SERVICE_EVENT_HANDLER:
    '%{NAGIOS_TYPE_SERVICE_EVENT_HANDLER:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{DATA:[nagios][log][state_type]};' +
    '%{DATA:[nagios][log][event_handler_name]}',
  NAGIOS_HOST_EVENT_HANDLER:
    '%{NAGIOS_TYPE_HOST_EVENT_HANDLER:[nagios][log][type]}: %{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{DATA:[nagios][log][state_type]};' +
    '%{DATA:[nagios][log][event_handler_name]}',
  NAGIOS_TIMEPERIOD_TRANSITION:
    '%{NAGIOS_TYPE_TIMEPERIOD_TRANSITION:[nagios][log][type]}: %{DATA:[service][name]};' +
    '%{NUMBER:[nagios][log][period_from]:int};%{NUMBER:[nagios][log][period_to]:int}',
  NAGIOS_EC_LINE_DISABLE_SVC_CHECK:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_DISABLE_SVC_CHECK:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{DATA:[service][name]}',
  NAGIOS_EC_LINE_DISABLE_HOST_CHECK:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_DISABLE_HOST_CHECK:[nagios][log][command]};%{DATA:[host][hostname]}',
  NAGIOS_EC_LINE_ENABLE_SVC_CHECK:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_ENABLE_SVC_CHECK:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{DATA:[service][name]}',
  NAGIOS_EC_LINE_ENABLE_HOST_CHECK:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_ENABLE_HOST_CHECK:[nagios][log][command]};%{DATA:[host][hostname]}',
  NAGIOS_EC_LINE_PROCESS_SERVICE_CHECK_RESULT:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_PROCESS_SERVICE_CHECK_RESULT:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{DATA:[service][name]};%{DATA:[service][state]};%{GREEDYDATA:[nagios][log][check_result]}',
  NAGIOS_EC_LINE_PROCESS_HOST_CHECK_RESULT:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_PROCESS_HOST_CHECK_RESULT:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{DATA:[service][state]};%{GREEDYDATA:[nagios][log][check_result]}',
  NAGIOS_EC_LINE_DISABLE_HOST_SVC_NOTIFICATIONS:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_DISABLE_HOST_SVC_NOTIFICATIONS:[nagios][log][command]};' +
    '%{GREEDYDATA:[host][hostname]}',
  NAGIOS_EC_LINE_DISABLE_HOST_NOTIFICATIONS:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_DISABLE_HOST_NOTIFICATIONS:[nagios][log][command]};' +
    '%{GREEDYDATA:[host][hostname]}',
  NAGIOS_EC_LINE_DISABLE_SVC_NOTIFICATIONS:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_DISABLE_SVC_NOTIFICATIONS:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{GREEDYDATA:[service][name]}',
  NAGIOS_EC_LINE_ENABLE_HOST_SVC_NOTIFICATIONS:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_ENABLE_HOST_SVC_NOTIFICATIONS:[nagios][log][command]};' +
    '%{GREEDYDATA:[host][hostname]}',
  NAGIOS_EC_LINE_ENABLE_HOST_NOTIFICATIONS:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_ENABLE_HOST_NOTIFICATIONS:[nagios][log][command]};' +
    '%{GREEDYDATA:[host][hostname]}',
  NAGIOS_EC_LINE_ENABLE_SVC_NOTIFICATIONS:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_ENABLE_SVC_NOTIFICATIONS:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{GREEDYDATA:[service][name]}',
  NAGIOS_EC_LINE_SCHEDULE_HOST_DOWNTIME:
    '%{NAGIOS_TYPE_EXTERNAL_COMMAND:[nagios][log][type]}: ' +
    '%{NAGIOS_EC_SCHEDULE_HOST_DOWNTIME:[nagios][log][command]};%{DATA:[host][hostname]};' +
    '%{NUMBER:[nagios][log][start_time]};%{NUMBER:[nagios][log][end_time]};' +
    '%{NUMBER:[nagios][log][fixed]};%{NUMBER:[nagios][log][trigger_id]};' +
    '%{NUMBER:[nagios][log][duration]:int};%{DATA:[user][name]};%{DATA:[nagios][log][comment]}',
};
