import { useEffect, useState } from 'react';

/** A QR code of a link. The encoder is fetched on demand, so only facilitators ever load it. */
export function QrCode({ text, label }: { readonly text: string; readonly label: string }) {
  const [source, setSource] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    import('uqr').then(({ renderSVG }) => {
      if (!isCurrent) return;
      const svg = renderSVG(text, { ecc: 'M', border: 2 });
      setSource(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      isCurrent = false;
    };
  }, [text]);

  return source ? (
    <img className="qr" src={source} alt={label} width={200} height={200} />
  ) : (
    <div className="qr qr--loading" aria-hidden="true" />
  );
}
