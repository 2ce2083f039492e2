/** A task's 执法码 as a printable QR code leading to the public check page /v/<code>. */
import QRCode from "qrcode";
import { useEffect, useState } from "react";

export function TaskQrCode({ code }: { code: string }) {
  const link = `${location.origin}/v/${code}`;
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(link, { errorCorrectionLevel: "M", margin: 1, width: 160 }).then(setImage, () => setImage(null));
  }, [link]);
  return (
    <a href={link} target="_blank" rel="noreferrer" className="task-qr-link" title="打印二维码，张贴或出示给企业">
      {image ? <img src={image} alt="执法码二维码" width={96} height={96} /> : "执法码"}
    </a>
  );
}
