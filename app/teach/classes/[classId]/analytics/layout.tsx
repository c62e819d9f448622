// Analytics is a section of the class page: the same class header and section tabs as the
// roster, assignments and gradebook (the classes pages' layout, reused as is).
export { default } from "../(manage)/layout";
