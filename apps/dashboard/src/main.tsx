import '@repo/ui/styles.css';
import './app.css';
import { ApolloProvider } from '@apollo/client/react';
import { ErrorWordsContext } from '@repo/ui/ErrorWords';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from './apollo.js';
import { App } from './App.js';
import { followServerClock } from './clock.js';
import { toErrorWords } from './features/messages/plain-message.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The screens' first "today" (a form's default date, a token's expiry) is the server's: the page
// renders once the server's clock has answered, or after a short wait on the browser's.
void followServerClock().then(() =>
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={createApolloClient()}>
        <ErrorWordsContext.Provider value={toErrorWords}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ErrorWordsContext.Provider>
      </ApolloProvider>
    </StrictMode>,
  ),
);
