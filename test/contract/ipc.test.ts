import { forwardEvents, isTrustedSenderUrl, registerIpcHandlers } from '../../src/main/ipc-adapter'
import { createBridge } from '../../src/preload/bridge'
import { createIpcClient } from '../../src/shared/contract/ipc-client'
import { createFakeIpc } from '../helpers/fake-ipc'
import { describeEngineApiContract } from './engine-api.suite'

describeEngineApiContract('IPC (fake ipcMain/ipcRenderer, real engine)', (t) => {
  const ipc = createFakeIpc()
  registerIpcHandlers(ipc.ipcMain, () => t.engine.api(), (url) => isTrustedSenderUrl(url, null))
  forwardEvents((listener) => t.engine.subscribe(listener), ipc.webContents)
  return createIpcClient(createBridge(ipc.ipcRenderer, 'linux').engine)
})
