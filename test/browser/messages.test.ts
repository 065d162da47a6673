// The viewer's error messages (viewer/messages.js): every code the API can answer has a Vietnamese title and
// sentence, and the API's English message is never the text — a new API code without a message fails here.
import { describe, expect, it } from 'vitest';
import { API_CODES, APOLLO_CODES } from '../../src/api/errors.ts';

const root = new URL('../../', import.meta.url);
const { ApiError } = await import(new URL('viewer/api.js', root).href);
const messages = await import(new URL('viewer/messages.js', root).href);

// Apollo's own codes that reach clients, the masked one, and the client's.
const OTHER_CODES = [
  ...APOLLO_CODES,
  'INTERNAL_SERVER_ERROR',
  'FORBIDDEN',
  'RATE_LIMITED',
  'TOO_MANY_REQUESTS',
  'NETWORK',
  'HTTP_ERROR',
];

describe('error messages', () => {
  it.each([...API_CODES, ...OTHER_CODES])('%s has its own Vietnamese message', (code) => {
    expect(messages.MESSAGE_CODES).toContain(code);
    const english = `an English message for ${code}`;
    const info = messages.describeError(new ApiError(english, code, {}), { ref: '36-NQ/TW' });
    expect(messages.errorCode(new ApiError(english, code))).not.toBe('UNKNOWN');
    expect(info.code).toBe(code);
    expect(info.title).not.toBe('');
    expect(info.text).not.toContain(english);
    expect(info.detail).toBe(english);
    // Vietnamese: every message has a letter only Vietnamese writes.
    expect(`${info.title} ${info.text}`).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  it.each([
    // what a page asked for is named
    ['NOT_FOUND', {}, '“999-NQ/TW”'],
    ['AMBIGUOUS', {}, '“999-NQ/TW”'],
    // the argument at fault says which
    ['BAD_USER_INPUT', { field: 'province' }, 'tỉnh, thành phố'],
    ['BAD_USER_INPUT', { field: 'after' }, 'Tải lại trang'],
  ])('%s %j names %s', (code, extensions, part) => {
    const info = messages.describeError(new ApiError('x', code, extensions), { ref: '999-NQ/TW' });
    expect(info.text).toContain(part);
  });

  it.each([
    [429, 'RATE_LIMITED'],
    [502, 'HTTP_ERROR'],
  ])('an answer that is not GraphQL, HTTP %i, is filed under %s', (status, code) => {
    expect(messages.errorCode(new ApiError(`HTTP ${status}`, 'HTTP_ERROR', {}, status))).toBe(code);
  });

  it('a code nobody knows, or an error that is not an ApiError, is a generic message', () => {
    expect(messages.describeError(new ApiError('boom', 'SOMETHING_NEW')).title).toBe('Đã có lỗi');
    expect(messages.describeError(new TypeError('x is undefined')).text).not.toContain('undefined');
  });
});
