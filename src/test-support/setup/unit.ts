// Every unit test gets a fresh in-memory IndexedDB; db tests open their own named databases.
import 'fake-indexeddb/auto';
