// A real button that opens a file chooser: reachable with Tab, looks and
// reads as a button. The file input itself stays hidden (and keeps its
// accessible name, which the browser tests use to hand it a file).
import { useRef } from 'preact/hooks';

export function FileButton({ label, inputLabel, accept, onFile }: { label: string; inputLabel: string; accept: string; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="btn" onClick={() => input.current?.click()}>{label}</button>
      <input ref={input} type="file" accept={accept} hidden aria-label={inputLabel} onChange={(e) => {
        const el = e.target as HTMLInputElement;
        const file = el.files?.[0];
        el.value = ''; // choosing the same file again must import again
        if (file) onFile(file);
      }} />
    </>
  );
}
