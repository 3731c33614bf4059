/** logstash-patterns-core 4.3.1, legacy set: junos. */
export const patterns: Record<string, string> = {
  RT_FLOW_EVENT: '(RT_FLOW_SESSION_CREATE|RT_FLOW_SESSION_CLOSE|RT_FLOW_SESSION_DENY)',
  RT_FLOW1:
    '%{RT_FLOW_EVENT:event}: %{GREEDYDATA:close-reason}: %{IP:src-ip}/%{INT:src-port}->' +
    '%{IP:dst-ip}/%{INT:dst-port} %{DATA:service} %{IP:nat-src-ip}/%{INT:nat-src-port}->' +
    '%{IP:nat-dst-ip}/%{INT:nat-dst-port} %{DATA:src-nat-rule-name} %{DATA:dst-nat-rule-name} ' +
    '%{INT:protocol-id} %{DATA:policy-name} %{DATA:from-zone} %{DATA:to-zone} ' +
    '%{INT:session-id} \\d+\\(%{DATA:sent}\\) \\d+\\(%{DATA:received}\\) %{INT:elapsed-time} .*',
  RT_FLOW2:
    '%{RT_FLOW_EVENT:event}: session created %{IP:src-ip}/%{INT:src-port}->%{IP:dst-ip}/' +
    '%{INT:dst-port} %{DATA:service} %{IP:nat-src-ip}/%{INT:nat-src-port}->%{IP:nat-dst-ip}/' +
    '%{INT:nat-dst-port} %{DATA:src-nat-rule-name} %{DATA:dst-nat-rule-name} ' +
    '%{INT:protocol-id} %{DATA:policy-name} %{DATA:from-zone} %{DATA:to-zone} ' +
    '%{INT:session-id} .*',
  RT_FLOW3:
    '%{RT_FLOW_EVENT:event}: session denied %{IP:src-ip}/%{INT:src-port}->%{IP:dst-ip}/' +
    '%{INT:dst-port} %{DATA:service} %{INT:protocol-id}\\(\\d\\) %{DATA:policy-name} ' +
    '%{DATA:from-zone} %{DATA:to-zone} .*',
};
