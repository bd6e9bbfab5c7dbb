import { launchChromium } from './e2e/browser'
import { startReceiver } from './helpers/receiver'
import { startServe } from './helpers/serve-process'
import { tempDataDir } from './helpers/temp-dir'
void (async () => {
  const temp = tempDataDir(); const r = await startReceiver((req) => ({ status: req.path.includes('fail') ? 503 : 200, body: '{"ok":true}' }))
  const s = await startServe({ dataDir: temp.dir, token: 'tok', env: { MAX_RETRIES: '1', INTERVAL: '1' } })
  for (let i = 0; i < 30; i++) await fetch(`${s.url}/hook_slinger/`, { method: 'POST', headers: { authorization: 'Token tok', 'content-type': 'application/json' }, body: JSON.stringify({ to_url: `${r.url}/${i % 7 === 0 ? 'fail' : 'ok'}/${i}`, tag: `t${i % 3}`, group: 'shop', to_auth: 'Bearer x', headers: { 'X-Event': 'order.paid' }, payload: { order: i, items: [{ sku: 'a', qty: 2 }], customer: { name: 'Ada', vip: true } } }) })
  await new Promise((res) => setTimeout(res, 2500))
  const b = await launchChromium(); const p = await b.newPage({ viewport: { width: 1280, height: 800 } })
  p.on('console', (m) => console.log('console', m.type(), m.text()))
  p.on('pageerror', (e) => console.log('pageerror', e.message))
  await p.goto(`${s.url}/?token=tok`); await p.waitForSelector('[data-job-id]')
  await p.click('[data-job-id] >> nth=2'); await p.waitForSelector('text=Attempts')
  await p.click('.attempt-summary >> nth=0')
  await p.screenshot({ path: 'test-results/jobs.png' })
  await p.click('text=Overview'); await p.waitForTimeout(500); await p.screenshot({ path: 'test-results/overview.png' })
  await p.emulateMedia({ colorScheme: 'dark' }); await p.click('text=Jobs'); await p.waitForTimeout(300); await p.screenshot({ path: 'test-results/jobs-dark.png' })
  await b.close(); s.child.kill('SIGTERM'); await s.exited; await r.close(); temp.cleanup()
})()
