import { writeFileSync } from 'node:fs';
import { renderCatalogue } from './render-catalogue.js';

writeFileSync(new URL('../CATALOGUE.md', import.meta.url), renderCatalogue());
