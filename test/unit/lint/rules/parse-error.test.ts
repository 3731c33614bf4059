import { rule } from '../../../../src/lint/rules/parse-error.js';
import { text, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { files: [text('a.json', '{"title": "x", "panels": []}\n')] },
    // A template with Ruby or consul-template interpolation is JSON only once rendered.
    { files: [text('consul_x.json', '{ "service": { "port": #{port} } }\n')] },
  ],
  invalid: [
    {
      files: [text('a.json', '{\n  "title": "x",\n  "panels": [,]\n}\n')],
      errors: [{ file: 'a.json', messageId: 'parse', line: 3 }],
    },
  ],
});
