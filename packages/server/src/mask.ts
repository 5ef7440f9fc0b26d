/**
 * Enough of an address for its owner to recognise it, nothing more (CodeChallenge.maskedDestination):
 * `13800135678` → `138****5678`, `zhang.san@example.com` → `z***@example.com`.
 */
function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // A mainland mobile number with its country code reads as the 11 digits people know.
  const local = digits.length > 11 && digits.startsWith('86') ? digits.slice(-11) : digits;
  if (local.length < 7) return `****${local.slice(-2)}`;
  return `${local.slice(0, 3)}****${local.slice(-4)}`;
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function maskAddress(channel: string, address: string): string {
  if (channel === 'sms') return maskPhone(address);
  if (channel === 'email') return maskEmail(address);
  return address;
}
