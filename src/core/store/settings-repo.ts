/**
 * Persisted engine settings: the fields a user changed (through the API or the UI), as one JSON
 * document in the `settings` table. Defaults and host flags are merged by the engine.
 */
import { SettingsPatch } from '../../shared/contract/inputs'
import type { Db } from './database'

const KEY = 'engine'

export function createSettingsRepo(db: Db) {
  const read = db.prepare<[string], string>('SELECT value_json FROM settings WHERE key = ?').pluck()
  const write = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
  )
  return {
    /** The stored changes; an unreadable document counts as none rather than blocking start-up. */
    load(): SettingsPatch {
      const raw = read.get(KEY)
      if (raw === undefined) return {}
      const parsed = SettingsPatch.safeParse(JSON.parse(raw))
      return parsed.success ? parsed.data : {}
    },
    save(patch: SettingsPatch): void {
      write.run(KEY, JSON.stringify(patch))
    },
  }
}
