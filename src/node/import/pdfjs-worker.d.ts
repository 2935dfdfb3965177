// pdf.js ships no types for its worker module; it is only put on globalThis (see pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
