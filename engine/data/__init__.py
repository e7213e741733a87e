"""Reading the datasets (IDX, the book's pkl, Keras's npz, the lessons' h5) and downloading MNIST."""
