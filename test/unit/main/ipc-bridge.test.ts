import { describe, expect, it } from 'vitest'
import { isTrustedSenderUrl, registerIpcHandlers } from '../../../src/main/ipc-adapter'
import { createBridge } from '../../../src/preload/bridge'
import { ipcChannel } from '../../../src/shared/contract/ipc'
import { OPERATION_NAME_LIST } from '../../../src/shared/contract/operation-names'
import { OPERATION_NAMES } from '../../../src/shared/contract/operations'
import type { EngineService } from '../../../src/core/api/engine-service'
import { createFakeIpc } from '../../helpers/fake-ipc'

describe('IPC coverage', () => {
  it('registers a handler for every operation of the table, and nothing else', () => {
    const ipc = createFakeIpc()
    registerIpcHandlers(ipc.ipcMain, () => ({}) as EngineService, () => true)
    expect(ipc.ipcMain.channels().sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort())
  })

  it('exposes a preload function for every operation, plus subscribe', () => {
    const bridge = createBridge(createFakeIpc().ipcRenderer, 'linux')
    const exposed = Object.keys(bridge.engine).filter((key) => key !== 'subscribe').sort()
    expect(exposed).toEqual([...OPERATION_NAMES].sort())
    expect([...OPERATION_NAME_LIST].sort()).toEqual([...OPERATION_NAMES].sort())
    expect(typeof bridge.engine.subscribe).toBe('function')
  })
})

describe('IPC sender check', () => {
  it('trusts the bundled page and the dev server only', () => {
    expect(isTrustedSenderUrl('file:///opt/app/resources/app.asar/out/renderer/index.html', null)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSenderUrl('https://evil.example/', null)).toBe(false)
    expect(isTrustedSenderUrl('http://localhost:5173/', null)).toBe(false)
  })

  it('answers an untrusted frame with a forbidden result, not an exception', async () => {
    const ipc = createFakeIpc('https://evil.example/')
    let called = false
    registerIpcHandlers(ipc.ipcMain, () => ({ getStats: async () => { called = true; return {} } }) as unknown as EngineService, (url) => isTrustedSenderUrl(url, null))
    const result = await createBridge(ipc.ipcRenderer, 'linux').engine.getStats({})
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame was refused' } })
    expect(called).toBe(false)
  })
})
