/** Today's date in the Philippines (YYYY-MM-DD): the policy's dates are civil dates in PHT. */
export function todayInManila(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Manila' });
}
