import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/translate';
import { formatOutline } from '@/utils/page/outline';
import { activeArubaTab, readPageOutline } from '@/utils/extension/report-page';

/**
 * "Segnala questa pagina", offered only over an Aruba page: the page's sanitized outline, shown in
 * full before anything is copied. Nothing is sent: the user passes it on, if they want to.
 */
export function ReportPage() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const preview = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void activeArubaTab().then(setTabId);
  }, []);
  // The button that opened the preview is gone: the focus goes to what will be copied.
  useEffect(() => preview.current?.focus(), [text]);

  if (tabId === null) return null;

  async function open(tab: number) {
    try {
      const outline = await readPageOutline(tab);
      if ('refused' in outline) return setNotice('reportPasswordShown');
      setText(formatOutline(outline));
      setNotice(null);
    } catch {
      setNotice('reportUnreadable');
    }
  }

  async function copy(value: string) {
    try {
      await navigator.clipboard.writeText(value);
      setNotice('reportCopied');
    } catch {
      setNotice('reportCopyFailed');
    }
  }

  return (
    <section class="report">
      {text === null ? (
        <button type="button" class="button-quiet" onClick={() => void open(tabId)}>
          {t('reportOpen')}
        </button>
      ) : (
        <>
          <h2>{t('reportOpen')}</h2>
          <p class="hint">{t('reportExplain')}</p>
          <label for="report-preview">{t('reportPreviewLabel')}</label>
          <textarea id="report-preview" ref={preview} readOnly rows={10} wrap="off" value={text} />
          <button type="button" class="button-primary" onClick={() => void copy(text)}>
            {t('reportCopy')}
          </button>
        </>
      )}
      <p class="hint" role="status">
        {notice ? t(notice) : ''}
      </p>
    </section>
  );
}
