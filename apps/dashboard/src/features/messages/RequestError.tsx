import { MessageDetail } from '@repo/ui/ErrorWords';
import { toErrorWords } from './plain-message.js';

/** A request that failed, in words after `lead` ("Could not sign in"), its codes in small print. */
export function RequestError({ lead, error }: { lead: string; error: unknown }) {
  const words = toErrorWords(error);
  return (
    <div role="alert" className="error-state">
      <p>
        {lead}: {words.text}
      </p>
      <MessageDetail detail={words.detail} />
    </div>
  );
}
