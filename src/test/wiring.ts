import { wireModules } from '../app/services.ts';

// Tests that call services directly, without an app, get the composition root's wiring too
// (service levels follow ticket changes), exactly as main.ts and the test harness have it.
wireModules();
