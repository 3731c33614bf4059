import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateLabel, templateOf } from '../../../src/diagnose/templates.js';

describe('templateOf', () => {
  it.each([
    [
      'Failed to write /srv/nexus/blobs/a1/0f3c.bytes: No space left on device',
      'Failed to write <path>: No space left on device',
    ],
    ['request 4f1c2b7e-1111-4c1e-9a7b-2f1e3d4c5b6a took 1500 ms', 'request <uuid> took <num> ms'],
    ['connect to 10.0.3.7:5672 refused', 'connect to <ip> refused'],
    ['build job_42 of "my project" failed at 2026-11-23T10:42:01Z', 'build <id> of "<str>" failed at <time>'],
    ['pointer 0xdeadbeef and commit 3f9a1c2b4d5e6f70', 'pointer <hex> and commit <hex>'],
    ['see https://example.org/a?b=1 for details', 'see <url> for details'],
  ])('masks the variable parts of %j', (message, template) => {
    expect(templateOf(message)).toBe(template);
  });

  it('keeps only the first line of a stack trace', () => {
    expect(templateOf('java.lang.OutOfMemoryError: Java heap space\n\tat a.b.C.d(C.java:12)')).toBe(
      'java.lang.OutOfMemoryError: Java heap space',
    );
  });

  it('gives messages that differ only in numbers, ids and paths one template', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.uuid(),
        fc.stringMatching(/^[a-z]{1,8}(\/[a-z0-9]{1,8}){1,4}$/),
        (a, b, id, p) => {
          const one = templateOf(`job ${a} wrote /${p} in ${b} ms (request ${id})`);
          const two = templateOf(`job ${b + 1} wrote /srv/x in ${a} ms (request 00000000-0000-4000-8000-000000000000)`);
          return one === two;
        },
      ),
    );
  });

  it('masks a path with a hex segment as one path (found by the property above)', () => {
    expect(templateOf('job 0 wrote /a/0x0 in 0 ms')).toBe(templateOf('job 1 wrote /srv/x in 0 ms'));
    expect(templateOf('write /blobs/vol-12/abcdef1234567890.bytes failed')).toBe('write <path> failed');
  });

  it('is idempotent, single-line and bounded for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        const t = templateOf(text);
        expect(templateOf(t)).toBe(t);
        expect(t).not.toMatch(/[\r\n]/);
        expect(t.length).toBeLessThanOrEqual(300);
      }),
    );
  });
});

describe('templateLabel', () => {
  it('reads the last clause without variable parts', () => {
    expect(templateLabel('java.io.IOException: No space left on device')).toBe('No space left on device');
    expect(templateLabel('connection to queue.service.consul:<num> failed: Connection refused (host <id>)')).toBe(
      'Connection refused',
    );
    expect(templateLabel('Scheduled task <num> took <num> ms')).toBe('Scheduled task <num> took <num> ms');
  });
});

describe('templateLabel on real Calvinverse messages', () => {
  it.each([
    [
      'ERROR [qtp1480010240-321] deployer org.sonatype.nexus.blobstore.file.FileBlobStore - Failed to write blob 0f3c2a9e-5d4b-4c1e-9a7b-2f1e3d4c5b6a to /srv/nexus/blobs/default/content/vol-12/chap-33/0f3c2a9e-5d4b-4c1e-9a7b-2f1e3d4c5b6a.bytes: java.io.IOException: No space left on device',
      'No space left on device',
    ],
    [
      '[ERROR][logstash.inputs.rabbitmq ] RabbitMQ connection error, will retry. Connection refused - connect(2) for "queue.service.consul" port 5672 (MarchHare::ConnectionRefused)',
      'Connection refused',
    ],
    [
      'SEVERE: Error while serving http://jenkins-03:8080/job/build/console java.lang.OutOfMemoryError: Java heap space',
      'OutOfMemoryError: Java heap space',
    ],
    ['[ERROR] http: proxy error: context deadline exceeded (route /builds)', 'context deadline exceeded'],
  ])('labels %j', (message, label) => {
    expect(templateLabel(templateOf(message))).toBe(label);
  });
});
