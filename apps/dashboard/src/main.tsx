import '@repo/ui/styles.css';
import './app.css';
import { ApolloProvider } from '@apollo/client/react';
import { ErrorWordsContext } from '@repo/ui/ErrorWords';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createApolloClient } from './apollo.js';
import { App } from './App.js';
import { followServerClock } from './clock.js';
import { toErrorWords } from './features/messages/plain-message.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The screens' first "today" (a form's default date, a token's expiry) is the server's: the page
// renders once the server's clock has answered, or after a short wait on the browser's.
// A data router, so a half-filled form can hold a navigation until the user confirms (issue 21:
// useBlocker); App keeps its own <Routes> beneath the one catch-all route.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);
void followServerClock().then(() =>
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={createApolloClient()}>
        <ErrorWordsContext.Provider value={toErrorWords}>
          <RouterProvider router={router} />
        </ErrorWordsContext.Provider>
      </ApolloProvider>
    </StrictMode>,
  ),
);
