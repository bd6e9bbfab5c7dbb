// Checks the packaging layout without an Electron binary: electron-builder packs `--linux dir`
// against a stub "electron" (platform.md), then the app.asar listing is checked. It proves the
// layout only; the output cannot run. Run: npm run pack:check
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listPackage } from '@electron/asar'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const stub = join(root, 'stub')
rmSync(join(root, 'dist', 'linux-unpacked'), { recursive: true, force: true })
mkdirSync(join(stub, 'resources'), { recursive: true })
writeFileSync(join(stub, 'electron'), '#!/bin/sh\nexit 1\n')
chmodSync(join(stub, 'electron'), 0o755)

if (!existsSync(join(root, 'out', 'main', 'index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
execFileSync('npx', ['electron-builder', '--linux', 'dir', '-c.electronDist=stub', '-c.npmRebuild=false', '--publish', 'never'], { cwd: root, stdio: 'inherit' })

const resources = join(root, 'dist', 'linux-unpacked', 'resources')
const asar = join(resources, 'app.asar')
const listing = new Set(listPackage(asar, { isPack: false }).map((p) => p.replaceAll('\\', '/')))
const unpacked = join(resources, 'app.asar.unpacked')
const findNode = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.node')) : [])

const checks = [
  ['main entry', listing.has('/out/main/index.js')],
  ['headless CLI', listing.has('/out/main/cli.js')],
  ['delivery worker', listing.has('/out/main/delivery-worker.js')],
  ['search worker', listing.has('/out/main/search-worker.js')],
  ['preload', listing.has('/out/preload/index.js')],
  ['renderer', listing.has('/out/renderer/index.html')],
  ['package.json', listing.has('/package.json')],
  ['tray icon resource', existsSync(join(resources, 'resources', 'icon.png'))],
  ['better-sqlite3 JS in the archive', listing.has('/node_modules/better-sqlite3/package.json')],
  ['better_sqlite3.node unpacked', findNode(join(unpacked, 'node_modules', 'better-sqlite3')).some((f) => String(f).endsWith('better_sqlite3.node'))],
  ['no electron in node_modules', ![...listing].some((p) => p.startsWith('/node_modules/electron/'))],
]
let failed = 0
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  if (!ok) failed++
}
console.log('\npack:check verifies the package LAYOUT only: it was built against a stub Electron and cannot run.')
rmSync(stub, { recursive: true, force: true })
process.exit(failed === 0 ? 0 : 1)
