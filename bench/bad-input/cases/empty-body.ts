import type { CategoryFile } from '../case.js';

export default {
  about: 'empty bodies, empty documents',
  cases: [
    { name: 'empty JSON body', body: '', expect: 'error' },
    { name: 'whitespace body', body: '   \n\t ', expect: 'error' },
    { name: '{} body', body: '{}', expect: 'error' },
    { name: 'no content-type, empty', body: '', headers: { accept: 'application/json' }, expect: 'error' },
    { name: 'empty query string', query: '', expect: 'error' },
    { name: 'query only a comment', query: '# nothing', expect: 'error' },
  ],
} satisfies CategoryFile;
