import { describe, expect, it } from 'vitest';
import { arrayOf, boolean, id, integer, isInvalid, nullable, object, oneOf, string, type Validator } from '../../shared/validate';

const refused = (path: string, message: string) => ({ invalid: true, path, message });

const shape = object({ name: string({ maxChars: 5, minChars: 1, trim: true }), age: integer(0, 150) }, ['age']);

/** [label, validator, input, expected output or refusal]. Paths are checked exactly. */
const CASES: [string, Validator<unknown>, unknown, unknown][] = [
  ['string trims', string({ maxChars: 3, trim: true }), '  abc  ', 'abc'],
  ['string keeps spaces without trim', string({ maxChars: 7 }), ' abc ', ' abc '],
  ['string at max', string({ maxChars: 3 }), 'abc', 'abc'],
  ['string over max', string({ maxChars: 3 }), 'abcd', refused('(root)', 'must have at most 3 characters')],
  ['string over max before trim is fine', string({ maxChars: 3, trim: true }), ' abc ', 'abc'],
  ['string empty after trim', string({ maxChars: 3, minChars: 1, trim: true }), '   ', refused('(root)', 'must not be empty')],
  ['string under min', string({ maxChars: 9, minChars: 3 }), 'ab', refused('(root)', 'must have at least 3 characters')],
  ['string counts UTF-16 code units', string({ maxChars: 1 }), '😀', refused('(root)', 'must have at most 1 characters')],
  ['string refuses a number', string({ maxChars: 3 }), 3, refused('(root)', 'must be a string')],
  ['id plain', id, 'Ab_9-x', 'Ab_9-x'],
  ['id of 64 characters', id, 'a'.repeat(64), 'a'.repeat(64)],
  ['id of 65 characters', id, 'a'.repeat(65), refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['id empty', id, '', refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['id with a space', id, 'a b', refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['id with a dot', id, 'a.b', refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['id with an accent', id, 'café', refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['id with a newline after', id, 'abc\n', refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['id refuses a number', id, 7, refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"')],
  ['oneOf member', oneOf(['x', 'y']), 'y', 'y'],
  ['oneOf other', oneOf(['x', 'y']), 'z', refused('(root)', 'must be one of x, y')],
  ['oneOf inherited name', oneOf(['x', 'y']), 'toString', refused('(root)', 'must be one of x, y')],
  ['boolean', boolean, false, false],
  ['boolean refuses a string', boolean, 'true', refused('(root)', 'must be true or false')],
  ['integer in range', integer(1, 3), 3, 3],
  ['integer above range', integer(1, 3), 4, refused('(root)', 'must be a whole number from 1 to 3')],
  ['integer fraction', integer(1, 3), 1.5, refused('(root)', 'must be a whole number from 1 to 3')],
  ['integer NaN', integer(1, 3), Number.NaN, refused('(root)', 'must be a whole number from 1 to 3')],
  ['integer string', integer(1, 3), '2', refused('(root)', 'must be a whole number from 1 to 3')],
  ['nullable null', nullable(id), null, null],
  ['nullable inner', nullable(id), 'x', 'x'],
  [
    'nullable refuses undefined',
    nullable(id),
    undefined,
    refused('(root)', 'must be an id of 1 to 64 letters, digits, "-" or "_"'),
  ],
  ['arrayOf', arrayOf(integer(0, 9), 3), [1, 2, 3], [1, 2, 3]],
  ['arrayOf too long', arrayOf(integer(0, 9), 2), [1, 2, 3], refused('(root)', 'must have at most 2 items')],
  ['arrayOf names the bad item', arrayOf(integer(0, 9), 3), [1, 10], refused('[1]', 'must be a whole number from 0 to 9')],
  ['arrayOf refuses an object', arrayOf(id, 3), { 0: 'a' }, refused('(root)', 'must be a list')],
  ['object with optional missing', shape, { name: ' Ann ' }, { name: 'Ann' }],
  ['object with optional given', shape, { name: 'Ann', age: 40 }, { name: 'Ann', age: 40 }],
  ['object optional undefined is omitted', shape, { name: 'Ann', age: undefined }, { name: 'Ann' }],
  ['object missing required', shape, { age: 4 }, refused('name', 'is required')],
  ['object extra field', shape, { name: 'Ann', role: 'admin' }, refused('role', 'is not an allowed field')],
  [
    'object __proto__ as own field',
    shape,
    JSON.parse('{"name":"Ann","__proto__":{"x":1}}'),
    refused('__proto__', 'is not an allowed field'),
  ],
  ['object bad field', shape, { name: 'Ann', age: -1 }, refused('age', 'must be a whole number from 0 to 150')],
  ['object refuses null', shape, null, refused('(root)', 'must be an object')],
  ['object refuses an array', shape, [], refused('(root)', 'must be an object')],
  [
    'object nested path',
    object({ inner: object({ list: arrayOf(id, 2) }) }),
    { inner: { list: ['ok', 'not ok'] } },
    refused('inner.list[1]', 'must be an id of 1 to 64 letters, digits, "-" or "_"'),
  ],
];

describe('validators', () => {
  it.each(CASES)('%s', (_label, validator, input, expected) => {
    const result = validator(input);
    expect(result).toEqual(expected);
    expect(isInvalid(result)).toBe(isInvalid(expected));
  });

  it('prefixes paths with the path it is given', () => {
    expect(shape({ name: '' }, 'body')).toEqual(refused('body.name', 'must not be empty'));
    expect(id(1, 'command.draftId')).toMatchObject({ path: 'command.draftId' });
  });

  it('drops nothing and adds nothing: the output has exactly the declared fields', () => {
    const result = shape({ name: 'Ann', age: 3 });
    expect(Object.keys(result as object).sort()).toEqual(['age', 'name']);
  });

  it.each([null, undefined, 0, 'x', [], {}, { invalid: false }, { invalid: 'true' }])('isInvalid(%j) is false', (value) => {
    expect(isInvalid(value)).toBe(false);
  });
});
