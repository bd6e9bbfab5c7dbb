import { describe, expect, it } from 'vitest'
import { createFailureThrottle } from '../../../../src/core/http/failure-throttle'

describe('failure throttle', () => {
  const options = { freeFailures: 3, windowMs: 1000, stepMs: 100, maxDelayMs: 250, maxTracked: 2 }

  it('lets the first failures through, then holds each refusal longer, up to the cap', () => {
    let now = 0
    const throttle = createFailureThrottle(options, () => now)
    expect([1, 2, 3, 4, 5, 6, 7].map(() => throttle.fail('a'))).toEqual([0, 0, 0, 100, 200, 250, 250])
    expect(throttle.fail('b')).toBe(0)
    now = 1001
    expect(throttle.fail('a')).toBe(0)
  })

  it('tracks a bounded number of addresses', () => {
    const throttle = createFailureThrottle(options, () => 0)
    for (let i = 0; i < 5; i++) throttle.fail('a')
    throttle.fail('b')
    throttle.fail('c')
    // 'a' was evicted to stay within maxTracked, so it starts over.
    expect(throttle.fail('a')).toBe(0)
  })
})
