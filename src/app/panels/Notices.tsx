/** Visible notices, e.g. a URL parameter that was ignored and why. */
import { useAtlasStore } from '../state/store';

export function Notices() {
  const notices = useAtlasStore((s) => s.notices);
  const dismiss = useAtlasStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two notices can say the same; dismissing one re-renders the list anyway
        <p className="notice" key={`${i}:${text}`}>
          <span>{text}</span>
          <button type="button" onClick={() => dismiss(i)} aria-label={`Dismiss notice: ${text}`}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
