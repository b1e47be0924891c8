import { createContext, useContext } from 'react';

/** An error as a person reads it: the words, and the codes kept for support (issue 21). */
export interface ErrorWords {
  text: string;
  /** Small print under the words ("Code: NETWORK_ERROR"), or null. */
  detail: string | null;
}

/**
 * How the app turns an error into words: the app provides its reading once (the dashboard's reads
 * the API's codes), and every component here that shows an error uses it. Without one, an error's
 * own message.
 */
export const ErrorWordsContext = createContext<(error: { message: string }) => ErrorWords>(
  (error) => ({ text: error.message, detail: null }),
);

/** The app's words for an error. */
export function useErrorWords(error: { message: string }): ErrorWords {
  return useContext(ErrorWordsContext)(error);
}

/** The codes of a message, in small print under its words, for support. */
export function MessageDetail({ detail }: { detail: string | null | undefined }) {
  if (!detail) return null;
  return <p className="message-detail">{detail}</p>;
}
