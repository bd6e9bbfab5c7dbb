import { describe, expect, it } from 'vitest'
import { formatJobId, validateIngest } from '../../../../src/shared/wire/ingest'

const valid = { to_url: 'https://example.com/hook', to_auth: '', tag: 'Dhaka', group: 'Bangladesh', payload: { greetings: 'Hello, world!' } }

describe('validateIngest', () => {
  it('accepts the original example and normalizes empty auth to null', () => {
    const result = validateIngest(valid)
    expect(result).toEqual({
      ok: true,
      value: { ...valid, to_auth: null, headers: {}, method: 'POST', delay_ms: 0, retry: null },
    })
  })

  it('accepts null tag and group and the optional extensions', () => {
    const result = validateIngest({
      to_url: 'http://127.0.0.1:8080/x',
      to_auth: 'Bearer abc',
      tag: null,
      group: null,
      payload: {},
      headers: { 'X-Event': 'order.paid' },
      method: 'PUT',
      delay_ms: 1000,
      retry: { strategy: 'schedule', delays_ms: [1000, 2000] },
    })
    expect(result.ok).toBe(true)
  })

  it.each([
    ['ftp://example.com/x', "unsupported scheme 'ftp'"],
    ['file:///etc/passwd', "unsupported scheme 'file'"],
    ['javascript:alert(1)', "unsupported scheme 'javascript'"],
    ['example.com/hook', 'not an absolute URL'],
    ['http://', 'not an absolute URL'],
    ['http://example.com:99999/', 'not an absolute URL'],
    ['http://example.com:0/', 'invalid port 0'],
    ['', 'is empty'],
    [`https://example.com/${'a'.repeat(2100)}`, 'longer than 2048'],
  ])('rejects to_url %j with 400', (to_url, reason) => {
    const result = validateIngest({ ...valid, to_url })
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(!result.ok && result.detail).toContain(reason)
    expect(!result.ok && result.detail).toMatch(/^to_url: /)
  })

  it.each([
    [{ ...valid, to_url: 42 }, 'to_url'],
    [{ ...valid, to_url: undefined }, 'to_url'],
    [{ ...valid, payload: undefined }, 'payload'],
    [{ ...valid, payload: [1, 2] }, 'payload'],
    [{ ...valid, payload: 'text' }, 'payload'],
    [{ ...valid, tag: 5 }, 'tag'],
    [{ ...valid, group: 'g'.repeat(256) }, 'group'],
    [{ ...valid, to_auth: ['x'] }, 'to_auth'],
    [{ ...valid, to_auth: 'Bearer a\r\nX-Evil: 1' }, 'to_auth'],
    [{ ...valid, to_auth: 'a\0b' }, 'to_auth'],
    [{ ...valid, headers: { 'bad name': 'x' } }, 'headers'],
    [{ ...valid, headers: { 'X-A': 'a\nb' } }, 'headers.X-A'],
    [{ ...valid, headers: { 'Content-Length': '5' } }, 'headers'],
    [{ ...valid, headers: { 'X-A': 5 } }, 'headers.X-A'],
    [{ ...valid, method: 'GET' }, 'method'],
    [{ ...valid, delay_ms: -1 }, 'delay_ms'],
    [{ ...valid, retry: { strategy: 'fixed', max_retries: -1, interval_ms: 5 } }, 'retry.max_retries'],
    [{ ...valid, retry: { strategy: 'forever' } }, 'retry'],
  ])('rejects %j with 422 naming %s', (body, field) => {
    const result = validateIngest(body)
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect(!result.ok && result.detail.startsWith(`${field}`)).toBe(true)
  })

  it.each([null, [], 'x', 3])('rejects a body that is not an object (%j)', (body) => {
    expect(validateIngest(body)).toMatchObject({ ok: false, status: 422, detail: expect.stringContaining('body') })
  })
})

describe('formatJobId', () => {
  it('joins group, tag and uuid like the original and leaves out missing parts', () => {
    expect(formatJobId('Bangladesh', 'Dhaka', 'u')).toBe('Bangladesh_Dhaka_u')
    expect(formatJobId(null, 'Dhaka', 'u')).toBe('Dhaka_u')
    expect(formatJobId('Bangladesh', null, 'u')).toBe('Bangladesh_u')
    expect(formatJobId(null, null, 'u')).toBe('u')
  })
})
