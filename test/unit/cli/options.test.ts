import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../../src/cli/data-dir'
import { parseCliOptions, UsageError } from '../../../src/cli/options'

const HOME = '/home/dev'
const env = (vars: Record<string, string> = {}) => ({ HOME, XDG_DATA_HOME: '/home/dev/.local/share', ...vars })

describe('parseCliOptions', () => {
  it('defaults to the original port on loopback and leaves UI-settable values to the engine', () => {
    const options = parseCliOptions(['serve'], env())
    expect(options).toMatchObject({
      command: 'serve',
      host: '127.0.0.1',
      port: 5000,
      workerCount: undefined,
      token: null,
      requestTimeoutMs: undefined,
      retryPolicy: undefined,
      logLevel: 'info',
    })
    expect(options.dataDir).toBe('/home/dev/.local/share/hook-slinger')
  })

  it("reads the original's environment names", () => {
    const options = parseCliOptions(['serve'], env({ API_TOKEN: 'abc', HTTP_TIMEOUT: '2.5', MAX_RETRIES: '7', INTERVAL: '1', LOG_LEVEL: 'DEBUG' }))
    expect(options).toMatchObject({ token: 'abc', requestTimeoutMs: 2500, retryPolicy: { max_retries: 7, interval_ms: 1000 }, logLevel: 'debug' })
  })

  it('fills the other half of the original policy when only one knob is set', () => {
    expect(parseCliOptions(['serve'], env({ MAX_RETRIES: '1' })).retryPolicy).toEqual({ strategy: 'fixed', max_retries: 1, interval_ms: 5000 })
    expect(parseCliOptions(['serve'], env({ INTERVAL: '2' })).retryPolicy).toEqual({ strategy: 'fixed', max_retries: 3, interval_ms: 2000 })
  })

  it('lets flags win over the environment', () => {
    const options = parseCliOptions(
      ['serve', '--host', '0.0.0.0', '--port', '6000', '--data-dir', '/srv/hs', '--workers', '4'],
      env({ HOST: '::1', PORT: '7000', HOOK_SLINGER_DATA_DIR: '/x', HOOK_SLINGER_WORKERS: '8' }),
    )
    expect(options).toMatchObject({ host: '0.0.0.0', port: 6000, dataDir: '/srv/hs', workerCount: 4 })
  })

  it('uses the environment when no flag is given', () => {
    const options = parseCliOptions(['serve'], env({ HOST: '::1', PORT: '7000', HOOK_SLINGER_DATA_DIR: '/x' }))
    expect(options).toMatchObject({ host: '::1', port: 7000, dataDir: '/x' })
  })

  it.each([
    [['serve', '--port', 'abc'], {}, /port must be a whole number/],
    [['serve', '--port', '70000'], {}, /port must be between 0 and 65535/],
    [['serve', '--workers', '0'], {}, /workers must be between 1 and 64/],
    [['serve'], { HTTP_TIMEOUT: '0' }, /HTTP_TIMEOUT must be a positive number/],
    [['serve'], { INTERVAL: '-1' }, /INTERVAL must be a non-negative number/],
    [['serve'], { LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [['launch'], {}, /unknown command 'launch'/],
    [['serve', '--bogus'], {}, /Unknown option '--bogus'/],
  ])('rejects %j with a usage error', (argv, vars, message) => {
    expect(() => parseCliOptions(argv, env(vars))).toThrow(UsageError)
    expect(() => parseCliOptions(argv, env(vars))).toThrow(message)
  })

  it('shows help without a command and for --help', () => {
    expect(parseCliOptions([], env()).command).toBe('help')
    expect(parseCliOptions(['serve', '--help'], env()).command).toBe('help')
  })
})

describe('defaultDataDir', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir({}, 'linux', HOME)).toBe('/home/dev/.local/share/hook-slinger')
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', HOME)).toBe('/data/hook-slinger')
    expect(defaultDataDir({}, 'darwin', HOME)).toBe('/home/dev/Library/Application Support/hook-slinger')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\dev\\AppData\\Roaming' }, 'win32', HOME)).toMatch(/hook-slinger$/)
  })
})
