import { rule } from '../../../../src/lint/rules/alert-unknown-measurement.js';
import { ruleTester } from '../rule-tester.js';
import { alertDef, serviceDef } from '../definitions.js';

const on = (measurement: string) => alertDef({ query: { ...alertDef().query, measurement } });

ruleTester(rule, {
  valid: [{ catalog: { alerts: [alertDef()] } }, { catalog: { alerts: [on('nexus_requests')], services: [serviceDef()] } }],
  invalid: [{ catalog: { alerts: [on('nexus_request')], services: [serviceDef()] }, errors: [{ messageId: 'unknown' }] }],
});
