// `npm start`: the local all-in-one OpsWorker. The composition root lives outside the packages
// so the backend (cloud) never imports a front end (chatbot, desktop): it only wires them.
import '../cloud/src/local/main.ts';
