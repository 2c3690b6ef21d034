//! A stack that is cheap to copy: copies share their items, so the editor state (whose undo and
//! redo stacks are stacks of commands) is cloned per action in constant time whatever the
//! length of the history. A push or pop on one copy never changes another.

use std::rc::Rc;

#[derive(Debug)]
struct Node<T> {
    item: T,
    below: Option<Rc<Node<T>>>,
}

#[derive(Debug)]
pub struct Stack<T> {
    top: Option<Rc<Node<T>>>,
    len: usize,
}

// Written by hand: a derive would ask `T: Clone`, and copying the stack never copies an item.
impl<T> Clone for Stack<T> {
    fn clone(&self) -> Self {
        Stack { top: self.top.clone(), len: self.len }
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Stack { top: None, len: 0 }
    }
}

impl<T: Clone> Stack<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, item: T) {
        let below = self.top.take();
        self.top = Some(Rc::new(Node { item, below }));
        self.len += 1;
    }

    /// Takes the top item: moved out when no copy shares it, cloned when one does.
    pub fn pop(&mut self) -> Option<T> {
        let node = self.top.take()?;
        self.len -= 1;
        match Rc::try_unwrap(node) {
            Ok(node) => {
                self.top = node.below;
                Some(node.item)
            }
            Err(shared) => {
                self.top = shared.below.clone();
                Some(shared.item.clone())
            }
        }
    }

    pub fn last(&self) -> Option<&T> {
        self.top.as_deref().map(|node| &node.item)
    }

    pub fn clear(&mut self) {
        *self = Stack::default();
    }

    /// The items from the top down.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        std::iter::successors(self.top.as_deref(), |node| node.below.as_deref()).map(|node| &node.item)
    }

    /// The newest `keep` items (all of them when fewer), oldest first.
    pub fn newest(&self, keep: usize) -> Vec<&T> {
        let mut items: Vec<&T> = self.iter().take(keep).collect();
        items.reverse();
        items
    }
}

impl<T: Clone> FromIterator<T> for Stack<T> {
    /// A stack of `items` pushed in order: the last is on top.
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut stack = Stack::default();
        items.into_iter().for_each(|item| stack.push(item));
        stack
    }
}

impl<T> Drop for Stack<T> {
    /// Unlinks node by node: the default drop recurses once per item, and a long undo history
    /// would overflow the stack.
    fn drop(&mut self) {
        let mut next = self.top.take();
        while let Some(node) = next {
            next = match Rc::try_unwrap(node) {
                Ok(mut node) => node.below.take(),
                Err(_) => None,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Stack;

    #[test]
    fn copies_do_not_see_each_others_pushes_and_pops() {
        let mut a: Stack<u32> = (1..=3).collect();
        let mut b = a.clone();
        assert_eq!(b.pop(), Some(3));
        b.push(9);
        a.push(4);
        assert_eq!(a.newest(10), vec![&1, &2, &3, &4]);
        assert_eq!(b.newest(10), vec![&1, &2, &9]);
        assert_eq!(b.newest(2), vec![&2, &9]);
        assert_eq!((a.len(), b.len()), (4, 3));
        assert_eq!(a.last(), Some(&4));
    }

    #[test]
    fn a_long_stack_drops_without_recursion() {
        let stack: Stack<u64> = (0..1_000_000).collect();
        let copy = stack.clone();
        drop(stack);
        assert_eq!(copy.len(), 1_000_000);
        assert_eq!(copy.last(), Some(&999_999));
    }
}
