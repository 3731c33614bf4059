import { rule } from '../../../../src/lint/rules/tickscript-syntax.js';
import { text, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      files: [
        text(
          'a.tick',
          "var data = stream\n    |from()\n        .measurement('disk')\n    |window()\n        .period(5m)\n        .every(1m)\n",
        ),
      ],
    },
  ],
  invalid: [
    {
      files: [text('a.tick', "var data = stream\n    |from(\n        .measurement('disk')\n")],
      errors: [{ file: 'a.tick', messageId: 'syntax' }],
    },
  ],
});
