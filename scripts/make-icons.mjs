// Renders resources/icon.svg into the PNG sizes electron-builder and the tray need
// (resources/icon.png at 1024 for mac/win conversion, resources/icons/<size>x<size>.png for Linux).
// Run: npm run icons. @resvg/resvg-js is a pure renderer shipped as npm binaries: no system tools.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const svg = readFileSync(join(root, 'resources', 'icon.svg'), 'utf8')
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()

mkdirSync(join(root, 'resources', 'icons'), { recursive: true })
writeFileSync(join(root, 'resources', 'icon.png'), render(1024))
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(join(root, 'resources', 'icons', `${size}x${size}.png`), render(size))
}
console.log('icons written to resources/')
