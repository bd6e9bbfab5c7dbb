/**
 * Proves the layer rule of docs/architecture bites: lint refuses forbidden imports per folder, and
 * the web tsconfig project (no Node types) refuses Node imports from the renderer.
 */
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer rule (lint)', () => {
  it.each([
    ['src/renderer/src/x.ts', "import { createEngine } from '../../core/engine'"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'"],
    ['src/shared/x.ts', "import { join } from 'node:path'"],
    ['src/shared/x.ts', "import { join } from 'path'"],
    ['src/shared/x.ts', "import { createEngine } from '../core/engine'"],
    ['src/core/x.ts', "import { app } from 'electron'"],
    ['src/core/x.ts', "import { main } from '../main/index'"],
    ['src/cli/x.ts', "import { app } from 'electron'"],
    ['src/preload/x.ts', "import { createEngine } from '../core/engine'"],
    ['src/main/x.ts', "import { App } from '../renderer/src/app'"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {}\n`)).not.toEqual([])
  })

  it.each([
    ['src/renderer/src/x.ts', "import { JOB_STATUSES } from '../../shared/wire/job-status'"],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs'"],
    ['src/main/x.ts', "import { app } from 'electron'\nimport { createEngine } from '../core/engine'"],
    ['src/cli/x.ts', "import { createEngine } from '../core/engine'"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {}\n`)).toEqual([])
  })
})

describe('layer rule (web tsconfig project)', () => {
  it('fails to type-check a renderer file that imports node:fs', () => {
    const configPath = join(ROOT, 'tsconfig.web.json')
    const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file))
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT)
    const program = ts.createProgram([join(ROOT, 'test/fixtures/layer/renderer-uses-node.ts')], parsed.options)
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(errors.join('\n')).toMatch(/node:fs/)
  })

  it('type-checks the same file under the node project (the fixture itself is valid)', () => {
    const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.node.json'), (file) => ts.sys.readFile(file))
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT)
    const program = ts.createProgram([join(ROOT, 'test/fixtures/layer/renderer-uses-node.ts')], parsed.options)
    expect(ts.getPreEmitDiagnostics(program)).toHaveLength(0)
  })
})
