// Renderer entry. Import order matters: zod must be told "no eval" (strict CSP) before any
// schema is built, and i18n must be ready before the first render.
import './app/zodSetup';
import './i18n';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';

// set through the CSSOM: a style attribute in the markup would need 'unsafe-inline' in the CSP
document.body.style.margin = '0';
const el = document.getElementById('root');
if (!el) throw new Error('index.html has no #root element');
createRoot(el).render(<Root />);
