// "Add this page to the knowledge base", in the tab: extract the article,
// hand it to the background (which merges it into the KB), then highlight the
// page again with what it now knows.
import type { AddReport } from '../shared/messages';
import { callBackground } from '../shared/messaging';
import { err, type Result } from '../shared/result';
import { extractArticle } from './article-extract';

export async function addThisPage(enabled: boolean, rehighlight: () => Promise<void>): Promise<Result<AddReport>> {
  if (!enabled) return err('site-off', 'Claimlens is off on this site: turn it on to add this page.');
  const extracted = extractArticle(document, location.href);
  if (!extracted.ok) return err('no-article', extracted.message);
  const r = await callBackground('kb.addPage', extracted.draft);
  if (r.ok) await rehighlight();
  return r;
}
