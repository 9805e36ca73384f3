// testTimeout is a global Jest option; per project it has to be set from a setup file.
jest.setTimeout(60_000);
