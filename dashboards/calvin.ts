import { SERVICES_DATABASE, perHost, row, serviceDashboard, stat, timeseries } from 'calvin';
import calvin from '../services/calvin.js';

export default serviceDashboard(calvin)
  .withRow(
    row('Alert intake').panels([
      timeseries('Alerts received per second')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'calvin_serve_alerts_received_total')
            .select('counter')
            .last()
            .nonNegativeDerivative('1s')
            .groupBy('source'),
        ),
      timeseries('Alerts stored per second')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'calvin_serve_alerts_stored_total')
            .select('counter')
            .last()
            .nonNegativeDerivative('1s')
            .groupBy('outcome'),
        ),
      timeseries('Requests refused per second')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'calvin_serve_requests_rejected_total')
            .select('counter')
            .last()
            .nonNegativeDerivative('1s')
            .groupBy('reason'),
        ),
      stat('Spool backlog')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'calvin_serve_spool_backlog').select('gauge').last()),
    ]),
  )
  .withRow(
    row('Diagnoses').panels([
      timeseries('Diagnoses per minute')
        .unit('short')
        .withQuery(
          perHost(SERVICES_DATABASE, 'calvin_serve_diagnoses_total')
            .select('counter')
            .last()
            .nonNegativeDerivative('1m')
            .groupBy('outcome'),
        ),
      timeseries('Diagnoses waiting')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'calvin_serve_diagnosis_queue').select('gauge').max()),
      timeseries('Time spent diagnosing per second')
        .unit('s')
        .withQuery(
          perHost(SERVICES_DATABASE, 'calvin_serve_diagnosis_duration_seconds')
            .select('sum')
            .last()
            .nonNegativeDerivative('1s'),
        ),
    ]),
  )
  .build();
