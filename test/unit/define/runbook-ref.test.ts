import { describe, expect, it } from 'vitest';
import { keptRunbookName, linkedRunbookName, publishedRunbookUrl } from '../../../src/define/runbook-ref.js';

describe('runbook references', () => {
  it('names a runbook kept in the project, alone or at the end of a repository URL', () => {
    expect(keptRunbookName('runbooks/host-disk-full.md')).toBe('host-disk-full');
    expect(keptRunbookName('runbooks/host-disk-full')).toBe('host-disk-full');
    expect(keptRunbookName('https://github.com/o/r/blob/main/runbooks/host-disk-full.md#steps')).toBe('host-disk-full');
  });

  it('leaves a wiki page a URL of its own', () => {
    expect(keptRunbookName('https://wiki.example.com/runbooks/host-disk-full')).toBeUndefined();
    expect(keptRunbookName('https://wiki.example.com/ops/disk')).toBeUndefined();
  });

  it('publishes a kept runbook at serve, once, and leaves it alone without a serve URL', () => {
    const url = publishedRunbookUrl('runbooks/host-disk-full.md', 'http://serve.example:8080/');
    expect(url).toBe('http://serve.example:8080/runbooks/host-disk-full');
    expect(publishedRunbookUrl(url, 'http://serve.example:8080')).toBe(url);
    expect(publishedRunbookUrl('runbooks/host-disk-full.md', undefined)).toBe('runbooks/host-disk-full.md');
    expect(publishedRunbookUrl('https://wiki.example.com/ops/disk', 'http://serve.example:8080')).toBe(
      'https://wiki.example.com/ops/disk',
    );
  });
});

describe('the runbook a link names, for a report linking project files', () => {
  it("reads serve's page and a repository file alike", () => {
    expect(linkedRunbookName('http://serve.example:8080/runbooks/host-disk-full')).toBe('host-disk-full');
    expect(linkedRunbookName('runbooks/host-disk-full.md')).toBe('host-disk-full');
    expect(linkedRunbookName('https://wiki.example.com/ops/disk')).toBeUndefined();
  });
});
