/**
 * Chronograf's note sanitising: server/cells.go ValidateNote runs bluemonday.UGCPolicy().Sanitize
 * (bluemonday v1.0.26), whose text output is Go's html.EscapeString. Cases from Chronograf's own
 * server/cells_test.go TestValidateNote, and from the observed rewrites.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteRewriteLoss, sanitizeChronografNote } from '../../../src/render/chronograf-note.js';

describe('sanitizeChronografNote', () => {
  it('keeps plain text (TestValidateNote "allows non-html")', () => {
    expect(sanitizeChronografNote('pineapples are tasty')).toBe('pineapples are tasty');
  });

  it('drops XSS-prone elements as Chronograf does (TestValidateNote "eliminates xss-vulnerable html")', () => {
    const note = `
<script>alert('bob');</script>
<p>benevolent pineapples paragraph</p>
<style>evil style</style>
<iframe>evil iframe</iframe>
<object>evil object</object>
<embed>evil embed</embed>
<base>evil base</base>
`;
    expect(sanitizeChronografNote(note)).toBe(
      '\n\n<p>benevolent pineapples paragraph</p>\n\n\n\nevil embed\nevil base\n',
    );
  });

  it('escapes text as Go html.EscapeString: " becomes &#34;, and an unknown <tag> vanishes', () => {
    expect(sanitizeChronografNote('query service.name:"nexus"')).toBe('query service.name:&#34;nexus&#34;');
    expect(sanitizeChronografNote("it's a < b & c > d")).toBe('it&#39;s a &lt; b &amp; c &gt; d');
    expect(sanitizeChronografNote('run `calvin diagnose <service> --env $environment`')).toBe(
      'run `calvin diagnose  --env $environment`',
    );
    expect(sanitizeChronografNote('a\r\nb\rc<!-- hidden -->')).toBe('a\nb\nc');
  });

  it('is idempotent: what Chronograf stored comes back unchanged from a second save', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = sanitizeChronografNote(text);
        expect(sanitizeChronografNote(once)).toBe(once);
      }),
    );
  });

  it('tells a rewrite that loses text from mere escaping', () => {
    expect(noteRewriteLoss('a "quoted" & <b>bold</b> note')).toBeUndefined();
    expect(noteRewriteLoss('run calvin diagnose <service>')).toBe('<service>');
  });
});
