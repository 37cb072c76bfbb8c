// Reads the QR code in a photo or screenshot (jsQR on the image's pixels), in the browser:
// the image never leaves the device.
import jsQR from 'jsqr'

/** The QR's text, or null when none is found in the image. */
export async function qrFromImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file)
  // A phone photo is large; a QR is still readable at this size, and decoding stays quick.
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height))
  const w = Math.max(1, Math.round(bitmap.width * scale))
  const h = Math.max(1, Math.round(bitmap.height * scale))
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.drawImage(bitmap, 0, 0, w, h)
  bitmap.close()
  const pixels = ctx.getImageData(0, 0, w, h)
  return jsQR(pixels.data, w, h, { inversionAttempts: 'attemptBoth' })?.data ?? null
}
